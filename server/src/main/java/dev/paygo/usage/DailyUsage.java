package dev.paygo.usage;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The exact total of one metric on one UTC day for an account, from its rollup. */
public record DailyUsage(String metric, LocalDate day, BigDecimal quantity, long events) {
}
