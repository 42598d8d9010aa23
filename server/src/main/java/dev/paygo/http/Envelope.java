package dev.paygo.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paygo.error.ApiError;
import dev.paygo.paging.Page;
import dev.paygo.paging.ResultInfo;
import java.util.List;

/**
 * Cloudflare's response envelope. All four keys are always written ({@code result} as {@code null} on
 * failure); {@code result_info} only on lists.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Envelope(boolean success, List<ErrorBody> errors, List<Object> messages, Object result,
                       @JsonInclude(JsonInclude.Include.NON_NULL) ResultInfo resultInfo) {

    public static Envelope ok(Object result) {
        return new Envelope(true, List.of(), List.of(), result, null);
    }

    public static Envelope page(Page<?> page) {
        return new Envelope(true, List.of(), List.of(), page.items(), page.info());
    }

    public static Envelope failure(List<ApiError> errors) {
        return new Envelope(false, errors.stream().map(ErrorBody::of).toList(), List.of(), null, null);
    }

    /** One error as Cloudflare writes it. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ErrorBody(int code, String message, Source source, List<ErrorBody> errorChain) {
        static ErrorBody of(ApiError error) {
            return new ErrorBody(error.code(), error.message(),
                    error.pointer().map(Source::new).orElse(null),
                    error.chain().stream().map(ErrorBody::of).toList());
        }
    }

    /** Where in the request the error lies, as a JSON pointer. */
    public record Source(String pointer) {
    }
}
