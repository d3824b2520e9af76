// Starts GOV.UK Frontend's components and the portal's own small scripts.
// Everything on every page works without this file.
import { initAll } from '../govuk/govuk-frontend.min.js'
import { initTimeoutWarning } from './timeout-warning.mjs'

initAll()
initTimeoutWarning(document)
