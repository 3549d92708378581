package io.github.openstackops.mcp.cloud;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Figures as outputs show them: percentages with one decimal, hours and GiB-hours with two. */
public final class Rounding {

    private Rounding() {
    }

    /** used/total as a percentage with one decimal; null when the total is unknown, zero or unlimited. */
    @Nullable
    public static Double percent(@Nullable Number used, @Nullable Number total) {
        if (used == null || total == null || total.doubleValue() <= 0) {
            return null;
        }
        return BigDecimal.valueOf(used.doubleValue() * 100.0 / total.doubleValue())
                .setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** A number rounded to two decimals (hours, GiB-hours). */
    public static double round2(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
