/**
 * Where a problem stands in the files people write: BPMN definitions and migration plans. Both
 * readers report positions alike, so every problem the build and {@code ferry-plan} print links to
 * {@code file:line:column} in an editor.
 */
package io.ferry.source;
