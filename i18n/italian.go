package i18n

// italian holds the Italian strings; a key missing here falls back to
// English.
var italian = map[string]string{}
