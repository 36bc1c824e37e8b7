/**
 * The pure execution engine: given an {@link io.ferry.execution.ExecutableProcess}, an instance
 * state and a command, {@link io.ferry.execution.ProcessEngine} returns the new state and the
 * history events, or a {@link io.ferry.execution.Refusal}. No CDI, no I/O and no clock here, so
 * every operation is deterministic and can be replayed; persistence, REST and wiring live around it.
 * Each node kind has one small {@link io.ferry.execution.NodeProcessor}; its Javadoc is the lifecycle.
 */
package io.ferry.execution;
