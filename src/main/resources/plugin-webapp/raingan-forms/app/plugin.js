/* Raingan: the forms plugin has no page of its own; its page part is tasklist/scripts/raingan-tasklist.js. */
export default [];
