"""The rules for an application to join the housing register, read from one application's ``facts``.

``facts`` is the plain dict the data layer makes from an application (people,
addresses and answers by section). Everything here is pure: no web framework,
no database, and no clock (every date is passed in).

- ``to_case``: the ``Case`` the ``assess`` rules read, with safe defaults for a draft;
- ``provisional``: the result shown before an officer has checked anything, and what could change it;
- ``evidence``: the documents to ask for, from the answers given;
- ``changes``: changes of circumstances, applied to the facts and previewed;
- ``birthdays``: birthdays that change the number of bedrooms a household needs;
- ``stages``: the stages of an application and the moves allowed between them.

No rule reads the ``equality`` answers.
"""
