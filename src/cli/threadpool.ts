/**
 * More threads for file operations: libuv's pool has 4 by default, and a
 * build writes a folder and a file per page and removes the previous output,
 * thousands of each, while rendering waits on them. Imported first by the
 * build command, before anything starts the pool (which reads this once);
 * a size the caller sets is kept. Measured in docs/performance.md (round four).
 */
process.env['UV_THREADPOOL_SIZE'] ??= '16';
