// Warns a signed-in person before their session ends for inactivity, and lets
// them stay signed in. When time runs out it signs them out through a normal
// form post, so the server keeps what they had typed on the page.
export function initTimeoutWarning (doc) {
  const dialog = doc.querySelector('[data-module="app-timeout-warning"]')
  if (!dialog || typeof dialog.showModal !== 'function') return

  const idleSeconds = Number(dialog.dataset.idleSeconds)
  const warnSeconds = Number(dialog.dataset.warnSeconds)
  const keepAliveUrl = dialog.dataset.keepAliveUrl
  const stayButton = dialog.querySelector('[data-timeout-stay]')
  let warnTimer = null
  let endTimer = null

  function saveTypedAnswers () {
    const form = doc.querySelector('main form[method="post"]:not([data-no-autosave])')
    if (!form) return false
    const marker = doc.createElement('input')
    marker.type = 'hidden'
    marker.name = '_timed_out'
    marker.value = '1'
    form.appendChild(marker)
    // Not form.submit(): a field named "submit" (every WTForms submit button) hides that method.
    window.HTMLFormElement.prototype.submit.call(form)
    return true
  }

  function signOut () {
    if (saveTypedAnswers()) return
    // End the session on the server before showing the signed-out page:
    // opening that page alone would leave the person signed in.
    const signedOutUrl = dialog.dataset.signedOutUrl
    const signOutUrl = dialog.dataset.signOutUrl
    if (!signOutUrl) {
      window.location.href = signedOutUrl
      return
    }
    window.fetch(signOutUrl, {
      method: 'POST',
      credentials: 'same-origin',
      redirect: 'manual',
      headers: { 'X-CSRFToken': dialog.dataset.csrfToken }
    }).finally(function () {
      window.location.href = signedOutUrl
    })
  }

  function showWarning () {
    dialog.showModal()
    endTimer = window.setTimeout(signOut, warnSeconds * 1000)
  }

  function restart () {
    window.clearTimeout(warnTimer)
    window.clearTimeout(endTimer)
    warnTimer = window.setTimeout(showWarning, Math.max(idleSeconds - warnSeconds, 1) * 1000)
  }

  stayButton.addEventListener('click', function () {
    const csrf = dialog.dataset.csrfToken
    window.fetch(keepAliveUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-CSRFToken': csrf }
    }).finally(function () {
      dialog.close()
      restart()
    })
  })

  restart()
}
