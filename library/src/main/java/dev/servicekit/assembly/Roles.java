package dev.servicekit.assembly;

import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicyConfig;
import dev.servicekit.terraform.Block;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The IAM roles servicekit writes, in one way: a role with its {@link Trust} and its tags, and an inline
 * policy of exactly the grants parts made on their own resources. No statement has a {@code *} resource.
 */
public final class Roles {
    private Roles() {}

    /**
     * Declares a role through {@code declare} (a service's or a stack's own way of adding a resource).
     *
     * @param id          the resource's id among its owner's resources
     * @param name        the role's AWS name
     * @param description what the role is for, in IAM's console
     */
    public static Block role(BiFunction<String, Object, Block> declare, String id, String name, String description,
                             Trust trust, Map<String, String> tags) {
        return declare.apply(id, IamRoleConfig.builder()
                .name(name)
                .description(description)
                .assumeRolePolicy(PolicyDocument.jsonencode(List.of(trust.statement())))
                .tags(tags)
                .build());
    }

    /** A service's role: {@link #role} among the service's resources, with its tags. */
    public static Block role(ServiceContext service, String id, String name, String description, Trust trust) {
        return role(service::declare, id, name, description, trust, service.tags());
    }

    /** The role's inline policy of {@code grants}, named like the role (names need only be unique per role). */
    public static Block inlinePolicy(BiFunction<String, Object, Block> declare, String id, Block role, String name,
                                     List<Contribution<Map<String, Object>>> grants) {
        return declare.apply(id, IamRolePolicyConfig.builder()
                .name(name)
                .role(role.ref("id"))
                .policy(PolicyDocument.ofContributions(grants))
                .build());
    }

    /** A service's role's inline policy: {@link #inlinePolicy} among the service's resources. */
    public static Block inlinePolicy(ServiceContext service, String id, Block role, String name, Role grants) {
        return inlinePolicy(service::declare, id, role, name, grants.statements());
    }
}
