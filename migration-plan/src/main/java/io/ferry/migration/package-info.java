/**
 * The pure migration function: {@link io.ferry.migration.Migration} moves an instance's state to the
 * current version through a compiled chain, or says why it cannot ({@link io.ferry.migration.MigrationResult}).
 * It never changes its input and never half-migrates; every place a node id lives is enumerated in
 * one class, {@code NodePlaces}.
 */
package io.ferry.migration;
