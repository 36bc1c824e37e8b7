package io.ferry.release;

/**
 * One file of a release, as the checks see it.
 *
 * @param name how problems name the file: the build uses the resource path ({@code plans/order-1-to-2.yaml}),
 *     the tool the path it was given
 */
public record ReleaseFile(String name, byte[] content) {
}
