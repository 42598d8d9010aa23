package dev.paygo.focus;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits an exact amount into parts proportional to weights, each with a fixed number of decimal places, so that
 * the parts add up exactly to the amount (the largest remainder method): every part gets the whole steps of
 * {@code 10^-scale} of its exact share, then the steps left over go, one each, to the parts with the largest
 * remainders (the earlier part on a tie). A negative amount splits as its absolute value, negated.
 */
final class LargestRemainder {
    private LargestRemainder() {
    }

    /**
     * @param amount what to split; it must have at most {@code scale} decimal places
     * @param weights non-negative; when all are zero, the first part takes everything
     */
    static List<BigDecimal> split(BigDecimal amount, List<BigDecimal> weights, int scale) {
        int n = weights.size();
        if (n == 0) {
            throw new IllegalArgumentException("nothing to split into");
        }
        BigInteger steps = amount.movePointRight(scale).toBigIntegerExact();
        int sign = steps.signum();
        steps = steps.abs();
        int weightScale = weights.stream().mapToInt(w -> Math.max(w.scale(), 0)).max().orElse(0);
        List<BigInteger> w = weights.stream().map(x -> x.movePointRight(weightScale).toBigIntegerExact()).toList();
        BigInteger total = w.stream().reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger[] parts = new BigInteger[n];
        BigInteger[] remainders = new BigInteger[n];
        if (total.signum() == 0) {
            for (int i = 0; i < n; i++) {
                parts[i] = i == 0 ? steps : BigInteger.ZERO;
            }
        } else {
            BigInteger given = BigInteger.ZERO;
            for (int i = 0; i < n; i++) {
                BigInteger[] qr = steps.multiply(w.get(i)).divideAndRemainder(total);
                parts[i] = qr[0];
                remainders[i] = qr[1];
                given = given.add(qr[0]);
            }
            int left = steps.subtract(given).intValueExact();  // fewer than n steps are left
            List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
            order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
            for (int k = 0; k < left; k++) {
                parts[order.get(k)] = parts[order.get(k)].add(BigInteger.ONE);
            }
        }
        List<BigDecimal> out = new ArrayList<>(n);
        for (BigInteger part : parts) {
            out.add(new BigDecimal(sign < 0 ? part.negate() : part, scale));
        }
        return out;
    }
}
