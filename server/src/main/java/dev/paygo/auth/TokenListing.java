package dev.paygo.auth;

import dev.paygo.paging.PageRequest;

/**
 * Which unrevoked tokens a list shows, and in what order, as Cloudflare's {@code accounts.tokens.list} asks: a page;
 * by issue time, oldest first or ({@code direction=desc}) newest first; and tokens past their {@code expires_on} only
 * when {@code include_expired=true}. Revoked tokens are never listed.
 */
public record TokenListing(PageRequest page, boolean newestFirst, boolean includeExpired) {
    /** Every unrevoked token, expired ones too, oldest first: the console's list, which shows each one's status. */
    public static TokenListing everyUnrevoked(PageRequest page) {
        return new TokenListing(page, false, true);
    }
}
