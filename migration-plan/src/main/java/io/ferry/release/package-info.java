/**
 * The checks a release of an application runs over its BPMN and plan files together, in plain Java,
 * so that the build (the deployment module's build steps) and the analysts' tool ({@code ferry-plan
 * validate}) run the one implementation and print the same messages.
 */
package io.ferry.release;
