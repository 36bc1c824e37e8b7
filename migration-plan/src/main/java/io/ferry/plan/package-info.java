/**
 * Migration plans: the files analysts write to carry running instances from one version of a
 * process to the next, their strict reader, the build-time checker and the composition into chains.
 *
 * <h2>The plan file</h2>
 * One plan per file, YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}); the published
 * JSON Schema is the resource {@code io/ferry/plan/migration-plan.schema.json}.
 * <pre>{@code
 * process: order                 # required: the BPMN process id
 * from: "1"                      # required: the version instances leave
 * to: "2"                        # required: the version they move to (another version than from)
 * description: Approval split into review and sign-off   # optional free text
 * author: Jane Analyst                                   # optional free text
 * nodes:                         # optional: old node id -> new node id
 *   approveOrder: reviewOrder    #   ids that did not change map to themselves: leave them out
 * variables:                     # optional; the changes run in this order:
 *   rename: {amount: totalAmount}   # 1. move a value to a new name (replacing what was there)
 *   defaults: {currency: EUR}       # 2. set a value when the variable is absent or null (any JSON value)
 *   remove: [legacyFlag]            # 3. drop variables
 * }</pre>
 * Versions may be written as text or as numbers; they are kept as written ({@code 1.10} stays
 * "1.10"). Reading is strict: unknown fields, duplicate keys, wrong types, missing or empty ids,
 * YAML aliases and a second document in the file are all problems, reported together with file,
 * line and column ({@link io.ferry.plan.PlanProblem}). Kogito's {@code .mpf} files are read as
 * Kogito writes them; their {@code name} becomes the description.
 *
 * <h2>From files to chains</h2>
 * {@link io.ferry.plan.PlanReader} reads one file; {@link io.ferry.plan.PlanChecker} checks all
 * plans against the current definitions (target nodes exist and can hold state, one plan per
 * version, no circles, every plan leads to the current version); {@link io.ferry.plan.MigrationChains}
 * composes them into one direct {@link io.ferry.plan.CompiledChain} per old version, recorded as
 * JSON for the runtime, which then only looks ids up.
 */
package io.ferry.plan;
