package dev.paygo.console;

import dev.paygo.http.Responses;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * Renders the console's templates, compiled to Java at build time (jte's Maven plugin), so nothing is parsed or
 * compiled while serving. Html content type: every {@code ${...}} is escaped for where it stands.
 */
final class Views {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    String render(String template, Object model) {
        StringOutput out = new StringOutput();
        engine.render(template, model, out);
        return out.toString();
    }

    void page(Context ctx, int status, String template, Object model) {
        ctx.status(status).html(render(template, model));
        Responses.answered(ctx);
    }
}
