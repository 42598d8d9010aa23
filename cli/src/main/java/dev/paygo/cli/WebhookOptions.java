package dev.paygo.cli;

import dev.paygo.ServerConfig;
import dev.paygo.notify.WebhookSettings;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How {@code serve} delivers webhooks. */
final class WebhookOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--webhook-allow-private", defaultValue = "${env:PAYGO_WEBHOOK_ALLOW_PRIVATE:-false}",
            description = "accept webhook URLs on loopback, private and link-local addresses; off by default so a "
                    + "webhook cannot reach into your own network (env PAYGO_WEBHOOK_ALLOW_PRIVATE)")
    boolean allowPrivate;

    @Option(names = "--webhook-timeout", defaultValue = "${env:PAYGO_WEBHOOK_TIMEOUT:-PT10S}", paramLabel = "DURATION",
            description = "how long one delivery attempt may take, ISO-8601 (env PAYGO_WEBHOOK_TIMEOUT; default "
                    + "${DEFAULT-VALUE})")
    String timeout;

    @Option(names = "--webhook-first-retry", defaultValue = "${env:PAYGO_WEBHOOK_FIRST_RETRY:-PT5S}",
            paramLabel = "DURATION", description = "the delay before a failed delivery's first retry; each later "
                    + "one doubles, up to an hour, with jitter (env PAYGO_WEBHOOK_FIRST_RETRY; default ${DEFAULT-VALUE})")
    String firstRetry;

    @Option(names = "--webhook-retry-for", defaultValue = "${env:PAYGO_WEBHOOK_RETRY_FOR:-PT24H}",
            paramLabel = "DURATION", description = "how long a delivery is retried before it is marked failed "
                    + "(env PAYGO_WEBHOOK_RETRY_FOR; default ${DEFAULT-VALUE})")
    String retryFor;

    ServerConfig apply(ServerConfig config) {
        try {
            return config.withWebhooks(new WebhookSettings(allowPrivate, duration("--webhook-timeout", timeout),
                    duration("--webhook-first-retry", firstRetry), duration("--webhook-retry-for", retryFor)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Duration duration(String option, String value) {
        return DurationOption.parse(spec, option, value);
    }
}
