/*
 * Raingan: Tasklist 7.24 bundles form-js 1.8.7, whose "changed" event reports every field inside a dynamic list
 * with an empty error list, e.g. {"Field_place": []}. Tasklist counts the keys of that object and so keeps the
 * complete button disabled for any form with a dynamic list (the district report's area rows).
 *
 * This reads an object of exactly that shape, every key a form field id ("Field_...", the prefix all Raingan
 * forms use) and every value an empty list, as having no keys. Every other object is left alone.
 */
const ownKeys = Object.keys;

function isEmptyErrorMap(object, keys) {
  return keys.length > 0 && keys.every(
    key => key.startsWith('Field_') && Array.isArray(object[key]) && object[key].length === 0);
}

Object.keys = function (object) {
  const keys = ownKeys(object);
  return object && typeof object === 'object' && isEmptyErrorMap(object, keys) ? [] : keys;
};

export default [];
