package dev.paygo.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** An option given as an ISO-8601 duration ({@code PT10S}, {@code PT1H}, {@code P1D}), refused with its name. */
final class DurationOption {
    private DurationOption() {
    }

    static Duration parse(CommandSpec spec, String option, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " must be an ISO-8601 duration such as PT15S or "
                    + "PT1H, not '" + value + "'");
        }
    }
}
