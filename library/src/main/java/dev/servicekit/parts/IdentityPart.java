package dev.servicekit.parts;

import dev.servicekit.assembly.TaskHandles;
import dev.servicekit.assembly.Role;
import dev.servicekit.assembly.Roles;
import dev.servicekit.assembly.Trust;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachmentConfig;
import dev.servicekit.catalog.IamStatement;
import dev.servicekit.settings.ServiceNames;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.Hcl;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Least-privilege IAM: an execution role that ECS uses to start the task and a task role for the
 * application, each with exactly the statements the other parts granted on their own resources (and the
 * line's {@code taskPolicy} statements). No statement servicekit writes has a {@code *} resource.
 *
 * <p>A private ECR image needs {@code ecr:GetAuthorizationToken}, which AWS cannot scope to a resource: for
 * such images the execution role gets AWS's managed read-only ECR policy (which can read every repository
 * of the account) rather than a {@code *} written here.
 */
public final class IdentityPart implements ServicePart {
    public static final String ECR_READ_ONLY_POLICY = "arn:%s:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly";
    static final String EXECUTION_ROLE = "execution_role";
    static final String TASK_ROLE = "task_role";
    private static final String ECS_TASKS = "ecs-tasks.amazonaws.com";

    @Override
    public String name() {
        return "iam";
    }

    @Override
    public void declare(ServiceAssembly service) {
        ServiceNames names = service.names();
        Platform platform = service.platform();
        Block executionRole = Roles.role(service, EXECUTION_ROLE, names.executionRole(),
                "ECS agent for " + names.prefix() + ": pulls the image, writes logs, reads secrets",
                Trust.unconditioned(ECS_TASKS, "AWS's page on the task execution role shows no condition and no AWS "
                        + "statement says ECS sets aws:SourceAccount when it assumes it (README, The execution role's trust)"));
        service.executionRole().attach("execution_ecr",
                String.format(ECR_READ_ONLY_POLICY, platform.account().partition()),
                service.settings().container().privateEcrImage());
        service.startAfter(Roles.inlinePolicy(service, "execution_policy", executionRole, names.executionRole(),
                service.executionRole()));
        for (Role.Attachment attachment : service.executionRole().attachments()) {
            if (!attachment.when().never()) {
                service.startAfter(service.declare(attachment.id(), IamRolePolicyAttachmentConfig.builder()
                        .role(executionRole.ref("name"))
                        .policyArn(attachment.policyArn())
                        .build()).existsWhen(attachment.when()));
            }
        }

        List<IamStatement> extra = service.settings().access().taskPolicies();
        Block taskRole = Roles.role(service, TASK_ROLE, names.taskRole(), "Application role of " + names.prefix() + ": "
                        + (extra.isEmpty() ? "its own resources only" : "its own resources and its line's taskPolicy"),
                Trust.fromAccount(ECS_TASKS, platform.account().id()));
        service.publish(new TaskHandles.Roles(executionRole, taskRole));
        for (int i = 0; i < extra.size(); i++) {
            service.taskRole().allow("Line" + (i + 1), extra.get(i).actions(), extra.get(i).resources());
        }
        Condition anyGrant = service.taskRole().anyGrant();
        if (!anyGrant.never()) {
            Roles.inlinePolicy(service, "task_policy", taskRole, names.taskRole(), service.taskRole()).existsWhen(anyGrant);
        }
        service.moduleOutput("task_role_arn", taskRole.ref("arn"), "ARN of the task (application) role");
        service.moduleOutput("execution_role_arn", executionRole.ref("arn"), "ARN of the task execution role");
    }
}
