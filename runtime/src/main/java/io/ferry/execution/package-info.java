/**
 * The pure execution engine: given an {@link io.ferry.execution.ExecutableProcess}, an instance
 * state and a command, {@link io.ferry.execution.ProcessEngine} returns the new state and the
 * history events, or a {@link io.ferry.execution.Refusal}. No CDI, no I/O and no clock here, so
 * every operation is deterministic and can be replayed; persistence, REST and wiring live around it.
 *
 * <p>This package is the engine's face (commands, outcomes, effects, events, refusals). Inside it:
 * {@code lifecycle} (the element lifecycle every processor follows, {@link
 * io.ferry.execution.lifecycle.ElementProcessor}, and the working copy of an operation), {@code
 * containers} (the process and sub-processes), {@code events}, {@code gateways}, {@code tasks} (one
 * processor per element kind) and {@code behaviours} (timers, subscriptions, boundary events, jobs,
 * errors and termination: the helpers processors are given).
 */
package io.ferry.execution;
