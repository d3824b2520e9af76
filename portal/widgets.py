"""GOV.UK form widgets whose built-in English texts are shown in the page's language.

govuk-frontend-wtf writes its own error message after merging the template's
parameters, so the visually hidden "Error" prefix is set here, after it.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from govuk_frontend_wtf import wtforms_widgets as gov


class TranslatedErrorMixin:
    def map_gov_params(self, field: Any, **kwargs: Any) -> dict[str, Any]:
        params: dict[str, Any] = super().map_gov_params(field, **kwargs)  # type: ignore[misc]
        if field.errors:
            params["errorMessage"] = {"text": field.errors[0], "visuallyHiddenText": _("Error")}
        return params


class TextInput(TranslatedErrorMixin, gov.GovTextInput):
    pass


class PasswordInput(TranslatedErrorMixin, gov.GovPasswordInput):
    pass


class RadioInput(TranslatedErrorMixin, gov.GovRadioInput):
    pass


class CheckboxesInput(TranslatedErrorMixin, gov.GovCheckboxesInput):
    pass


class TextArea(TranslatedErrorMixin, gov.GovTextArea):
    pass


class DateInput(TranslatedErrorMixin, gov.GovDateInput):
    """Day, Month and Year labels in the page's language."""

    def map_gov_params(self, field: Any, **kwargs: Any) -> dict[str, Any]:
        params = super().map_gov_params(field, **kwargs)
        labels = (_("Day"), _("Month"), _("Year"))
        for item, label in zip(params.get("items", []), labels, strict=False):
            item["label"] = label
        return params


SubmitInput = gov.GovSubmitInput
