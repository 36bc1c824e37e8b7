package io.ferry.migration;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders version labels the way people write them: digit runs compare as numbers, the rest as
 * text ({@code 1.9 < 1.10}, {@code V2.0 < V10.0}). Used only to tell an instance that is newer
 * than the deployed version from one that is older but has no plan (the engine and the preview).
 */
public final class VersionOrder implements Comparator<String> {

    public static final VersionOrder NATURAL = new VersionOrder();
    private static final Pattern PART = Pattern.compile("\\d+|\\D+");

    private VersionOrder() {
    }

    @Override
    public int compare(String left, String right) {
        Matcher a = PART.matcher(left);
        Matcher b = PART.matcher(right);
        while (a.find() && b.find()) {
            String x = a.group();
            String y = b.group();
            int order = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))
                    ? new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y))
                    : x.compareToIgnoreCase(y);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length(), right.length());
    }
}
