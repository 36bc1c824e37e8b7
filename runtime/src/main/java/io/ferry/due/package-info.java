/**
 * Work that every pod claims from a table of due rows (timers, jobs) and runs: the one claim-and-run loop
 * ({@link io.ferry.due.ClaimLoop}) that the timer pollers and the job workers share.
 */
package io.ferry.due;
