/*
 * Raingan: loaded by Cockpit, Admin and the welcome page (customScripts in their config.js): Buddhist-Era dates
 * and Thai for the texts Camunda leaves in English, from thai.js; Tasklist loads thai.js through its own script.
 */
import './thai.js';

document.documentElement.classList.add('raingan-webapp');

export default [];
