package dev.paygo.auth;

import dev.paygo.account.RequestAccount;
import dev.paygo.error.Problems;
import dev.paygo.http.JsonBody;
import dev.paygo.json.JsonFields;
import dev.paygo.http.Responses;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** HTTP adapter of users ({@code POST /users}) and account members ({@code /accounts/{id}/members}). */
public final class UserController {
    private final UserService users;
    private final JsonBody body;
    private final Responses responses;

    public UserController(UserService users, JsonBody body, Responses responses) {
        this.users = users;
        this.body = body;
        this.responses = responses;
    }

    public void create(Context ctx) {
        JsonFields fields = JsonFields.root(body.parse(ctx), new Problems()).allowOnly(Set.of("email"));
        String email = fields.requiredString("email", 254).orElse("");
        fields.problems().throwIfAny();
        CreatedUser created = users.create(email);
        responses.created(ctx, new UserView(created.user().id(), created.user().email(), created.user().createdOn(),
                created.apiKey()));
    }

    public void addMember(Context ctx) {
        JsonFields fields = JsonFields.root(body.parse(ctx), new Problems())
                .allowOnly(Set.of("email", "permission_groups"));
        String email = fields.requiredString("email", 254).orElse("");
        List<String> groups = new ArrayList<>();
        for (JsonFields group : fields.objects("permission_groups", 1, 20)) {
            group.allowOnly(Set.of("id", "name")).requiredString("id", 32).ifPresent(groups::add);
        }
        fields.problems().throwIfAny();
        responses.created(ctx, view(users.addMember(RequestAccount.of(ctx).id(), email, groups)));
    }

    public void listMembers(Context ctx) {
        responses.ok(ctx, users.listMembers(RequestAccount.of(ctx).id()).stream().map(UserController::view).toList());
    }

    public void removeMember(Context ctx) {
        String userId = ctx.pathParam("user_id");
        users.removeMember(RequestAccount.of(ctx).id(), userId, ctx.path());
        responses.ok(ctx, Map.of("id", userId));
    }

    private static MemberView view(Member member) {
        return new MemberView(member.user().id(), new UserView(member.user().id(), member.user().email(),
                member.user().createdOn(), null), "accepted",
                member.permissionGroups().stream().sorted()
                        .map(g -> new TokenController.GroupView(g.id(), g.displayName())).toList());
    }

    /** A user on the wire; {@code api_key} only in the answer to its creation. */
    record UserView(String id, String email, Instant createdOn, String apiKey) {
    }

    /** A membership on the wire, shaped like Cloudflare's account members. */
    record MemberView(String id, UserView user, String status, List<TokenController.GroupView> permissionGroups) {
    }
}
