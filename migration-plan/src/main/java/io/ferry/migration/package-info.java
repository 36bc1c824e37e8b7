/**
 * The pure migration function: a {@link io.ferry.migration.Route} (a compiled chain joined once with
 * the definition it leads to) moves an instance's state to the current version, or says why it
 * cannot ({@link io.ferry.migration.MigrationResult}); {@link io.ferry.migration.Routes} holds the
 * routes of an application and {@link io.ferry.migration.Migration} is the one-off form. It never
 * changes its input and never half-migrates; every place a node id lives is enumerated in one
 * class, {@code NodePlaces}.
 */
package io.ferry.migration;
