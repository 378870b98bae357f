export const id = 240;
export const ids = [240];
export const modules = {

/***/ 240:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   missingIgnoreFileError: () => (/* binding */ missingIgnoreFileError),
/* harmony export */   parseIgnoreRules: () => (/* binding */ parseIgnoreRules)
/* harmony export */ });
/* unused harmony export IgnoreRulesError */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);

/** Ignore rules the user must fix; the message names the file (or input), the line and the field. */
class IgnoreRulesError extends Error {
    problems;
    name = 'IgnoreRulesError';
    constructor(problems) {
        super(problems.join('\n'));
        this.problems = problems;
    }
}
const RULE_KEYS = ['id', 'package', 'reason', 'expires'];
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An explicitly configured ignore file must exist: silently judging without it would hide intent. */
function missingIgnoreFileError(path) {
    return new IgnoreRulesError([
        `${path}: the ignore file does not exist (it was set explicitly with 'ignore-file'; remove the input to run without one)`
    ]);
}
function isCalendarDay(text) {
    const match = ISO_DAY.exec(text);
    if (!match)
        return false;
    const [, year, month, day] = match.map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
/**
 * Reads ignore rules from YAML: either a mapping with an `ignore` list, or the list alone (handy
 * for the inline input). `origin` names the source in messages and in each rule's `origin`,
 * e.g. `.github/ecr-scan-ignore.yml` or `input ignore`. Every problem is reported at once.
 */
function parseIgnoreRules(text, origin) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    // The core schema keeps 2026-12-31 a string, so dates are validated here rather than coerced.
    const document = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { schema: 'core', lineCounter: lines, prettyErrors: false });
    const lineOf = (offset) => lines.linePos(offset ?? 0).line;
    const at = (offset, message) => `${origin}:${lineOf(offset)}: ${message}`;
    if (document.errors.length > 0) {
        throw new IgnoreRulesError(document.errors.map(error => at(error.pos[0], `YAML syntax error: ${error.message}`)));
    }
    const problems = [];
    const entries = ruleList(document, problems, at);
    const rules = entries.flatMap(entry => {
        const rule = readRule(entry, problems, at);
        return rule ? [{ ...rule, origin: `${origin}:${lineOf(entry.range?.[0])}` }] : [];
    });
    if (problems.length > 0)
        throw new IgnoreRulesError(problems);
    return rules;
}
function ruleList(document, problems, at) {
    const root = document.contents;
    if (root === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(root) && root.value === null))
        return [];
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(root))
        return root.items;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root)) {
        problems.push(at(root.range?.[0], "expected a mapping with an 'ignore' list of entries"));
        return [];
    }
    let list = [];
    for (const pair of root.items) {
        const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : '';
        const keyStart = pair.key?.range?.[0];
        if (key !== 'ignore') {
            problems.push(at(keyStart, `unknown top-level key '${key}' (allowed: ignore)`));
            continue;
        }
        const value = pair.value;
        if (value === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) && value.value === null))
            continue;
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(value)) {
            problems.push(at(value.range?.[0] ?? keyStart, "'ignore' must be a list of entries"));
            continue;
        }
        list = value.items;
    }
    return list;
}
function readRule(entry, problems, at) {
    const entryStart = entry.range?.[0];
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(entry)) {
        problems.push(at(entryStart, 'each ignore entry must be a mapping with id and reason'));
        return null;
    }
    const fields = {};
    const before = problems.length;
    for (const pair of entry.items) {
        const keyNode = pair.key;
        const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(keyNode) ? String(keyNode.value) : '';
        if (!RULE_KEYS.includes(key)) {
            problems.push(at(keyNode?.range?.[0], `unknown key '${key}' in ignore entry (allowed: ${RULE_KEYS.join(', ')})`));
            continue;
        }
        const value = pair.value;
        const text = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) && typeof value.value === 'string' ? value.value.trim() : undefined;
        const where = value?.range?.[0] ?? keyNode?.range?.[0];
        const scalar = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) ? value.value : undefined;
        if (scalar !== null && scalar !== undefined && typeof scalar !== 'string') {
            // YAML reads 12345 or true as a number or a boolean; the fix is quoting, not emptiness.
            const shown = scalar instanceof Date ? scalar.toISOString().slice(0, 10) : String(scalar);
            problems.push(at(where, `'${key}' must be text, got ${shown}: put it in quotes`));
        }
        else if (!text) {
            problems.push(at(where, `'${key}' must be non-empty text`));
        }
        else if (key === 'expires' && !isCalendarDay(text)) {
            problems.push(at(where, `'expires' must be a date YYYY-MM-DD, got '${text}'`));
        }
        else {
            fields[key] = text;
        }
    }
    for (const required of ['id', 'reason']) {
        const written = entry.items.some(pair => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) && pair.key.value === required);
        if (!written)
            problems.push(at(entryStart, `ignore entry is missing '${required}'`));
    }
    if (problems.length > before || !fields.id || !fields.reason)
        return null;
    return {
        id: fields.id,
        reason: fields.reason,
        ...(fields.package ? { package: fields.package } : {}),
        ...(fields.expires ? { expires: fields.expires } : {})
    };
}


/***/ })

};

//# sourceMappingURL=240.index.js.map