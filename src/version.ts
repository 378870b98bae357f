/** Shown in report footers; a test keeps it equal to package.json's version. */
export const ACTION_VERSION = '1.0.0'
