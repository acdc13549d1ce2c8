package dev.servicekit.service;

import com.hashicorp.cdktf.Fn;
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
import java.util.regex.Matcher;
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
     * Private ECR images also need {@code ecr:GetAuthorizationToken}, which AWS cannot scope to a
     * resource: for them we attach AWS's managed read-only ECR policy rather than write a {@code *}.
     */
    public static final String ECR_READ_ONLY_POLICY = "arn:%s:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly";

    private static final Pattern PRIVATE_ECR_IMAGE = Pattern.compile(
            "^(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com/([^:@]+).*");

    private final IamRole executionRole;
    private final IamRole taskRole;

    public ServiceRoles(Construct scope, ServiceSettings settings, Platform platform, String logGroupArn,
                        Optional<String> queueArn) {
        super(scope, "iam");
        ServiceNames names = settings.names();

        executionRole = role("execution-role", names.executionRole(), names.address("execution_role"), settings,
                "ECS agent for " + names.prefix() + ": pulls the image, writes logs, reads secrets");
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
        Matcher ecr = PRIVATE_ECR_IMAGE.matcher(settings.image());
        if (ecr.matches()) {
            String repositoryArn = "arn:" + platform.partition() + ":ecr:" + ecr.group(2) + ":" + ecr.group(1)
                    + ":repository/" + ecr.group(3);
            executionStatements.add(statement("PullOwnImage", List.of("ecr:BatchCheckLayerAvailability",
                    "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"), List.of(repositoryArn)));
            new IamRolePolicyAttachment(this, "ecr-read-only", IamRolePolicyAttachmentConfig.builder()
                    .role(executionRole.getName())
                    .policyArn(String.format(ECR_READ_ONLY_POLICY, platform.partition()))
                    .build())
                    .overrideLogicalId(names.address("execution_ecr"));
        }
        policy("execution-policy", executionRole, names.address("execution_policy"), executionStatements);

        taskRole = role("task-role", names.taskRole(), names.address("task_role"), settings,
                "Application role of " + names.prefix() + ": consumes its own queue only");
        queueArn.ifPresent(arn -> policy("task-policy", taskRole, names.address("task_policy"),
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

    private IamRole role(String id, String name, String address, ServiceSettings settings, String description) {
        Map<String, Object> assume = new TreeMap<>();
        assume.put("Effect", "Allow");
        assume.put("Principal", new TreeMap<>(Map.of("Service", "ecs-tasks.amazonaws.com")));
        assume.put("Action", "sts:AssumeRole");
        Map<String, Object> trust = policyDocument(List.of(assume));
        IamRole role = new IamRole(this, id, IamRoleConfig.builder()
                .name(name)
                .description(description)
                .assumeRolePolicy(Fn.jsonencode(trust))
                .tags(settings.tags())
                .build());
        role.overrideLogicalId(address);
        return role;
    }

    private void policy(String id, IamRole role, String address, List<Map<String, Object>> statements) {
        new IamRolePolicy(this, id, IamRolePolicyConfig.builder()
                .name(address.replace('_', '-'))
                .role(role.getId())
                .policy(Fn.jsonencode(policyDocument(statements)))
                .build())
                .overrideLogicalId(address);
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
