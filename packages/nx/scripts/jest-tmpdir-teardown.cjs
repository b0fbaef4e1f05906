/** Jest's global teardown: see jest-tmpdir.cjs. */
module.exports = require('./jest-tmpdir.cjs').teardown;
