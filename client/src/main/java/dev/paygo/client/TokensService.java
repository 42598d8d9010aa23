package dev.paygo.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paygo.client.core.ApiRequest;
import dev.paygo.client.core.ClientCore;
import dev.paygo.client.models.AccountParams;
import dev.paygo.client.models.PageParams;
import dev.paygo.client.models.Token;
import dev.paygo.client.models.TokenCreateParams;
import dev.paygo.client.models.TokenPolicy;
import dev.paygo.client.models.TokenVerifyResponse;
import java.util.Map;

/** Account API tokens in Cloudflare's shape, and token verification. Thread-safe. */
public final class TokensService extends Resources {
    TokensService(ClientCore core) {
        super(core);
    }

    /** Creates a token; its secret is in {@link Token#value()} of this answer only. */
    public Token create(TokenCreateParams params) {
        ObjectNode body = ClientCore.MAPPER.createObjectNode();
        body.put("name", params.name());
        params.policies().stream().map(TokenPolicy::_json).forEach(body.putArray("policies")::add);
        params.notBefore().ifPresent(t -> body.put("not_before", ClientCore.rfc3339(t)));
        params.expiresOn().ifPresent(t -> body.put("expires_on", ClientCore.rfc3339(t)));
        return one(ApiRequest.of("POST", "/accounts/{}/tokens", params.accountId())
                .body(ClientCore.json(body), "application/json"), Token::fromJson);
    }

    /** The account's unrevoked tokens that have not expired, oldest first (never their values). */
    public Page<Token> list(AccountParams account, PageParams params) {
        return page(ApiRequest.of("GET", "/accounts/{}/tokens", account.accountId()), params, Token::fromJson,
                next -> list(account, next));
    }

    /**
     * The account's unrevoked tokens, newest first when {@code newestFirst}, expired ones too when
     * {@code includeExpired} (Cloudflare's {@code direction} and {@code include_expired}).
     */
    public Page<Token> list(AccountParams account, PageParams params, boolean newestFirst, boolean includeExpired) {
        return page(ApiRequest.of("GET", "/accounts/{}/tokens", account.accountId()).query(Map.of(
                        "direction", newestFirst ? "desc" : "asc", "include_expired", String.valueOf(includeExpired))),
                params, Token::fromJson, next -> list(account, next, newestFirst, includeExpired));
    }

    /** Revokes a token at once. */
    public void revoke(AccountParams account, String tokenId) {
        core.execute(ApiRequest.of("DELETE", "/accounts/{}/tokens/{}", account.accountId(), tokenId));
    }

    /** Verifies the client's own token: {@code GET /user/tokens/verify}. */
    public TokenVerifyResponse verify() {
        return one(ApiRequest.of("GET", "/user/tokens/verify"), TokenVerifyResponse::fromJson);
    }

    /** Verifies the client's own token as one of this account's: {@code GET /accounts/{id}/tokens/verify}. */
    public TokenVerifyResponse verify(AccountParams account) {
        return one(ApiRequest.of("GET", "/accounts/{}/tokens/verify", account.accountId()),
                TokenVerifyResponse::fromJson);
    }
}
