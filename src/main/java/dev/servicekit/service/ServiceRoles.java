package dev.servicekit.service;

import dev.servicekit.terraform.JsonEncode;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicyConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachment;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachmentConfig;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Least-privilege IAM for one service: an execution role that ECS uses to start the task (write to the
 * service's own log group, read the service's own secrets) and a task role for the application (consume
 * the service's own queue and nothing else). No statement we write has a {@code *} resource.
 */
public final class ServiceRoles extends Construct {
    /** What a consumer needs of its queue; sending is left out on purpose. */
    public static final List<String> QUEUE_CONSUMER_ACTIONS = List.of("sqs:ChangeMessageVisibility",
            "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage");

    /**
     * A private ECR image needs {@code ecr:GetAuthorizationToken}, which AWS cannot scope to a resource.
     * servicekit writes no {@code *} resource, so for such images it attaches AWS's managed read-only ECR
     * policy, which lets the execution role pull from every repository of the account.
     */
    public static final String ECR_READ_ONLY_POLICY = "arn:%s:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly";

    /** An image in a private ECR repository: account, region, repository, then a tag or digest. */
    public static final Pattern PRIVATE_ECR_IMAGE = Pattern.compile(
            "([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com/([^:@]+).*");

    private final IamRole executionRole;
    private final IamRole taskRole;
    private final IamRolePolicy executionPolicy;
    private final Optional<IamRolePolicyAttachment> ecrReadOnly;

    public ServiceRoles(Construct scope, ServiceSettings settings, Platform platform, String logGroupArn,
                        Optional<String> queueArn) {
        super(scope, "iam");
        ServiceNames names = settings.names();

        executionRole = role("execution-role", names.executionRole(), names.address("execution_role"), settings,
                "ECS agent for " + names.prefix() + ": pulls the image, writes logs, reads secrets",
                Optional.empty());
        List<Map<String, Object>> executionStatements = new ArrayList<>();
        executionStatements.add(statement("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(logGroupArn + ":log-stream:*")));
        if (settings.containerExpressions().isPresent()) {
            // A module's secrets are a list input: grant the service's own parameter path.
            executionStatements.add(statement("ReadOwnSecrets", List.of("ssm:GetParameters"),
                    List.of(ssmParameterArn(platform, names, "*"))));
        } else if (!settings.secrets().isEmpty()) {
            List<String> parameterArns = settings.secrets().stream()
                    .map(secret -> ssmParameterArn(platform, names, secret))
                    .toList();
            executionStatements.add(statement("ReadOwnSecrets", List.of("ssm:GetParameters"), parameterArns));
        }
        if (PRIVATE_ECR_IMAGE.matcher(settings.image()).matches()) {
            ecrReadOnly = Optional.of(new IamRolePolicyAttachment(this, "ecr-read-only",
                    IamRolePolicyAttachmentConfig.builder()
                            .role(executionRole.getName())
                            .policyArn(String.format(ECR_READ_ONLY_POLICY, platform.partition()))
                            .build()));
            ecrReadOnly.get().overrideLogicalId(names.address("execution_ecr"));
        } else {
            ecrReadOnly = Optional.empty();
        }
        executionPolicy = policy("execution-policy", executionRole, names.executionRole(), names.address("execution_policy"),
                executionStatements);

        taskRole = role("task-role", names.taskRole(), names.address("task_role"), settings,
                "Application role of " + names.prefix() + ": consumes its own queue only",
                // Only tasks of this account may assume the application role (confused deputy).
                Optional.of(Map.of("StringEquals", Map.of("aws:SourceAccount", platform.accountId()))));
        queueArn.ifPresent(arn -> policy("task-policy", taskRole, names.taskRole(), names.address("task_policy"),
                List.of(statement("ConsumeOwnQueue", QUEUE_CONSUMER_ACTIONS, List.of(arn)))));
    }

    /** The SSM parameter holding one secret: {@code /<env>/<service>/<NAME>}. */
    public static String ssmParameterArn(Platform platform, ServiceNames names, String secret) {
        return ssmParameterArn(platform.partition(), platform.region(), platform.accountId(), names.secretsPath(), secret);
    }

    /** The same ARN from its parts, which may be Terraform interpolations. */
    public static String ssmParameterArn(String partition, String region, String accountId, String secretsPath,
                                         String secret) {
        return "arn:" + partition + ":ssm:" + region + ":" + accountId + ":parameter" + secretsPath + "/" + secret;
    }

    public IamRole executionRole() {
        return executionRole;
    }

    public IamRole taskRole() {
        return taskRole;
    }

    /** What ECS needs in place before it starts a task: the execution role's permissions. */
    public List<ITerraformDependable> executionPermissions() {
        List<ITerraformDependable> permissions = new ArrayList<>(List.of(executionPolicy));
        ecrReadOnly.ifPresent(permissions::add);
        return permissions;
    }

    private IamRole role(String id, String name, String address, ServiceSettings settings, String description,
                         Optional<Map<String, Object>> condition) {
        Map<String, Object> assume = new TreeMap<>();
        assume.put("Effect", "Allow");
        assume.put("Principal", new TreeMap<>(Map.of("Service", "ecs-tasks.amazonaws.com")));
        assume.put("Action", "sts:AssumeRole");
        condition.ifPresent(c -> assume.put("Condition", c));
        Map<String, Object> trust = policyDocument(List.of(assume));
        IamRole role = new IamRole(this, id, IamRoleConfig.builder()
                .name(name)
                .description(description)
                .assumeRolePolicy(JsonEncode.of(trust))
                .tags(settings.tags())
                .build());
        role.overrideLogicalId(address);
        return role;
    }

    /** An inline policy, named like its role (names need only be unique per role). */
    private IamRolePolicy policy(String id, IamRole role, String name, String address,
                                 List<Map<String, Object>> statements) {
        IamRolePolicy policy = new IamRolePolicy(this, id, IamRolePolicyConfig.builder()
                .name(name)
                .role(role.getId())
                .policy(JsonEncode.of(policyDocument(statements)))
                .build());
        policy.overrideLogicalId(address);
        return policy;
    }

    private static Map<String, Object> policyDocument(List<Map<String, Object>> statements) {
        Map<String, Object> document = new TreeMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements);
        return document;
    }

    private static Map<String, Object> statement(String sid, List<String> actions, List<String> resources) {
        Map<String, Object> statement = new TreeMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", actions);
        statement.put("Resource", resources);
        return statement;
    }
}
