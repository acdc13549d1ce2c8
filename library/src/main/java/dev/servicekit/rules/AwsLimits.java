package dev.servicekit.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The AWS limits a service definition must respect, in one place. Terraform's own validate checks
 * few of these; AWS rejects them only at apply, after part of a stack exists. Source: the AWS
 * documentation of each service (names, Fargate task sizes, SQS, CloudWatch Logs, ELB target groups).
 */
public final class AwsLimits {
    private AwsLimits() {}

    /**
     * A text AWS accepts in one field of one resource (a name, a description, a tag): its length and its
     * characters. The provider checks few of these at plan; AWS rejects the rest at apply, half-way.
     *
     * @param field        what the text is, for messages, e.g. {@code security group description}
     * @param minLength    0 for optional texts such as descriptions
     * @param allowedDescription the characters in words, for messages
     */
    public record TextRule(String field, int minLength, int maxLength, Pattern allowed, String allowedDescription) {
        /** The problem with {@code text}, or null when AWS accepts it. */
        public String problem(String text) {
            if (text.length() < minLength) {
                return minLength == 1 ? Rules.MUST_NOT_BE_EMPTY : "'" + text + "' is shorter than " + minLength + " characters";
            }
            if (text.length() > maxLength) {
                return tooLong(text, String.valueOf(text.length()));
            }
            if (!allowed.matcher(text).matches()) {
                return badCharacters(text);
            }
            return null;
        }

        /** The message for a text with characters AWS refuses; the text may be a Terraform interpolation. */
        public String badCharacters(String text) {
            return "'" + text + "': AWS allows only " + allowedDescription + " in " + plural();
        }

        /** The message for a text over the limit; arguments may be Terraform interpolations. */
        public String tooLong(String text, String length) {
            return "'" + text + "' is " + length + " characters; AWS limits " + plural() + " to " + maxLength;
        }

        private String plural() {
            return field.endsWith("s") ? field : field.endsWith("x") ? field + "es" : field + "s";
        }
    }

    private static final Pattern ALNUM_HYPHEN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");
    /** EC2's characters for security group names and descriptions and rule descriptions (no quotes). */
    private static final String EC2_TEXT = "A-Za-z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*";
    private static final String EC2_TEXT_DESCRIPTION = "letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*";

    public static final TextRule LOAD_BALANCER_NAME = new TextRule("load balancer name", 1, 32, ALNUM_HYPHEN,
            "letters, digits and inner hyphens");
    public static final TextRule TARGET_GROUP_NAME = new TextRule("target group name", 1, 32, ALNUM_HYPHEN,
            "letters, digits and inner hyphens");
    /** The characters SQS, ECS and most AWS names take, with what a message calls them. */
    private static final Characters NAME_CHARACTERS = new Characters("[A-Za-z0-9_-]",
            "letters, digits, hyphens and underscores");
    /** The characters of IAM's names (roles, policies). */
    private static final Characters IAM_NAME_CHARACTERS = new Characters("[A-Za-z0-9+=,.@_-]",
            "letters, digits and +=,.@_-");

    /** A set of characters as a regular expression's class, and in words. */
    private record Characters(String regex, String inWords) {}

    /** A name of 1 to {@code maximum} of these characters. */
    private static TextRule nameOf(String what, int maximum, Characters characters) {
        return new TextRule(what, 1, maximum, Pattern.compile(characters.regex() + "+"), characters.inWords());
    }

    public static final TextRule QUEUE_NAME = nameOf("SQS queue name", 80, NAME_CHARACTERS);
    public static final TextRule ECS_SERVICE_NAME = nameOf("ECS service name", 255, NAME_CHARACTERS);
    public static final TextRule TASK_FAMILY = nameOf("task family", 255, NAME_CHARACTERS);
    public static final TextRule ECS_CLUSTER_NAME = nameOf("ECS cluster name", 255, NAME_CHARACTERS);
    public static final TextRule CONTAINER_NAME = nameOf("container name", 255, NAME_CHARACTERS);
    public static final TextRule IAM_ROLE_NAME = nameOf("IAM role name", 64, IAM_NAME_CHARACTERS);
    public static final TextRule IAM_POLICY_NAME = nameOf("IAM policy name", 128, IAM_NAME_CHARACTERS);
    /** IAM's own pattern for role descriptions: tab, line breaks and printable Latin-1. */
    public static final TextRule IAM_ROLE_DESCRIPTION = new TextRule("IAM role description", 0, 1000,
            Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*"),
            "printable characters");
    public static final TextRule LOG_GROUP_NAME = new TextRule("CloudWatch log group name", 1, 512,
            Pattern.compile("[A-Za-z0-9._/#-]+"), "letters, digits and ._-/#");
    /** Log stream names exclude ':' and '*'; the awslogs prefix becomes their first part. */
    public static final TextRule LOG_STREAM_PREFIX = new TextRule("awslogs stream prefix", 1, 512,
            Pattern.compile("[^:*\\p{Cntrl}]+"), "characters other than : and *");
    public static final TextRule SECURITY_GROUP_NAME = new TextRule("security group name", 1, 255,
            Pattern.compile("(?!sg-)[" + EC2_TEXT + "]+"), EC2_TEXT_DESCRIPTION + " (and no leading sg-)");
    /** The provider limits a security group's {@code name_prefix} to 100 characters. */
    public static final TextRule SECURITY_GROUP_NAME_PREFIX = new TextRule("security group name prefix", 1, 100,
            Pattern.compile("(?!sg-)[" + EC2_TEXT + "]+"), EC2_TEXT_DESCRIPTION + " (and no leading sg-)");
    /** Required by EC2, and replacing the group when it changes. */
    public static final TextRule SECURITY_GROUP_DESCRIPTION = new TextRule("security group description", 1, 255,
            Pattern.compile("[" + EC2_TEXT + "]+"), EC2_TEXT_DESCRIPTION);
    /** The provider does not check these; EC2 rejects a bad one at apply. */
    public static final TextRule SECURITY_GROUP_RULE_DESCRIPTION = new TextRule("security group rule description", 0,
            255, Pattern.compile("[" + EC2_TEXT + "]*"), EC2_TEXT_DESCRIPTION);
    public static final TextRule ALARM_NAME = new TextRule("CloudWatch alarm name", 1, 255,
            Pattern.compile("[\\x20-\\x7E]+"), "printable ASCII characters");
    public static final TextRule ALARM_DESCRIPTION = new TextRule("CloudWatch alarm description", 0, 1024,
            Pattern.compile("[\\x20-\\x7E]*"), "printable ASCII characters");
    /** Application Auto Scaling's pattern for policy names: printable characters. */
    public static final TextRule SCALING_POLICY_NAME = new TextRule("scaling policy name", 1, 256,
            Pattern.compile("\\p{Print}+"), "printable characters");
    /** The tag rules every AWS service shares (some accept more; none accepts less). */
    public static final TextRule TAG_KEY = new TextRule("tag key", 1, 128,
            Pattern.compile("(?!aws:)[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+"),
            "letters, digits, spaces and _.:/=+-@ (and no leading aws:)");
    public static final TextRule TAG_VALUE = new TextRule("tag value", 0, 256,
            Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*"), "letters, digits, spaces and _.:/=+-@");
    /**
     * S3's bucket names, global across all accounts: 3-63 lowercase letters, digits, dots and hyphens,
     * starting and ending with a letter or digit, no two dots in a row, not an IP address, and none of the
     * prefixes and suffixes AWS reserves (xn--, sthree-, amzn-s3-demo-; -s3alias, --ol-s3, .mrap, --x-s3,
     * --table-s3).
     */
    public static final TextRule S3_BUCKET_NAME = new TextRule("S3 bucket name", 3, 63, Pattern.compile(
            "(?!xn--|sthree-|amzn-s3-demo-)(?!.*(-s3alias|--ol-s3|\\.mrap|--x-s3|--table-s3)$)(?!\\d+\\.\\d+\\.\\d+\\.\\d+$)"
                    + "(?!.*\\.\\.)[a-z0-9][a-z0-9.-]*[a-z0-9]"),
            "lowercase letters, digits, dots and inner hyphens (no IP address, no xn-- or sthree- prefix, no "
                    + "-s3alias or --ol-s3 suffix)");
    /**
     * An ACM certificate's domain name (ACM API, RequestCertificate DomainName): 1-253 characters, labels of
     * letters, digits and inner hyphens, a leading {@code *.} for a wildcard.
     */
    public static final TextRule CERTIFICATE_DOMAIN_NAME = new TextRule("certificate domain name", 1, 253,
            Pattern.compile("(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"),
            "labels of letters, digits and inner hyphens, after an optional *.");
    /** A Route 53 record's name (Route 53 API, ResourceRecordSet Name): at most 255 characters. */
    public static final TextRule DNS_RECORD_NAME = new TextRule("DNS record name", 1, 255,
            Pattern.compile("[A-Za-z0-9_*.-]+"), "letters, digits and _*.-");
    /** At most 50 tags on one resource. */
    public static final int MAX_TAGS = 50;
    /**
     * SSM parameter names (secrets) in {@code region}: letters, digits and _.-/. SSM's limit of 1011 characters
     * counts the parameter's whole ARN, so a name has what {@code arn:<partition>:ssm:<region>:<account>:parameter}
     * leaves (counted with the longest partition, aws-us-gov).
     */
    public static TextRule ssmParameterName(String region) {
        int arnPrefix = ("arn:aws-us-gov:ssm:" + region + ":123456789012:parameter").length();
        return new TextRule("SSM parameter name", 1, 1011 - arnPrefix, Pattern.compile("[A-Za-z0-9_./-]+"),
                "letters, digits and _.-/");
    }

    /**
     * IAM actions that support no resource-level permission: a statement needs {@code "Resource": "*"} for
     * them (AWS's Service Authorization Reference lists no resource type for each). The only actions for which
     * a line's {@code taskPolicy} may name {@code *}.
     */
    public static final Set<String> UNSCOPABLE_ACTIONS = Set.of(
            "cloudwatch:PutMetricData", "cloudwatch:GetMetricData", "cloudwatch:ListMetrics",
            "ec2:DescribeInstances", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSecurityGroups",
            "ec2:DescribeSubnets", "ec2:DescribeVpcs", "ecr:GetAuthorizationToken", "kms:ListAliases",
            "kms:ListKeys", "s3:ListAllMyBuckets", "secretsmanager:GetRandomPassword", "secretsmanager:ListSecrets",
            "sns:ListTopics", "sqs:ListQueues", "ssm:DescribeParameters", "sts:GetCallerIdentity",
            "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:PutTelemetryRecords", "xray:PutTraceSegments");
    /** An IAM action: {@code service:Action}, wildcards allowed in the action's name. */
    public static final Pattern IAM_ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9*?]+");
    /**
     * An ARN in a policy's {@code Resource}: {@code arn:<partition>:<service>:<region>:<account>:<resource>}. IAM
     * allows the wildcards {@code *} and {@code ?} in the region, the account and the resource
     * ({@code arn:aws:dynamodb:*:123456789012:table/orders}).
     */
    public static final Pattern ARN = Pattern.compile(
            "arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9*?-]*:(\\d{12}|aws|[\\d*?]*[*?][\\d*?]*)?:.+");
    /**
     * IAM's limit on a role's inline policies, all together, in characters without whitespace (IAM and STS
     * quotas: "Role policy size"). Not adjustable.
     */
    public static final int ROLE_INLINE_POLICY_CHARACTERS = 10_240;
    /**
     * What a task role's own statements (its queue, bucket, key, ...) may take of
     * {@link #ROLE_INLINE_POLICY_CHARACTERS}, their ARNs resolved: the rest is what a line's {@code taskPolicy}
     * may use. servicekit's largest task policy (a web service with a queue and a bucket) is under 1,500.
     */
    public static final int TASK_ROLE_OWN_STATEMENTS_CHARACTERS = 2_048;
    /** The characters counted for an ARN known only at apply (a reference), about a long ARN's. */
    public static final int REFERENCED_ARN_CHARACTERS = 128;
    /**
     * EC2's default quota of inbound, and separately outbound, rules per security group (VPC quotas: "Inbound
     * or outbound rules per security group"). Adjustable, but only together with the number of security groups
     * per network interface, so servicekit keeps to the default.
     */
    public static final int SECURITY_GROUP_RULES_PER_DIRECTION = 60;
    /** An IPv4 CIDR block. */
    public static final Pattern IPV4_CIDR = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)/(3[0-2]|[12]?\\d)");
    /** A security group ID. */
    public static final Pattern SECURITY_GROUP_ID = Pattern.compile("sg-[0-9a-f]{8,17}");
    /** A VPC ID: 8 hex digits (older resources) or 17. */
    public static final Pattern VPC_ID = Pattern.compile("vpc-[0-9a-f]{8}([0-9a-f]{9})?");
    /** A subnet ID: 8 hex digits (older resources) or 17. */
    public static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]{8}([0-9a-f]{9})?");
    public static final Range RULE_PORT = new Range(0, 65535, "");
    /** ECS's limit on a task definition volume's name (letters, digits, _ and -). */
    public static final int ECS_VOLUME_NAME_MAX = 255;
    /**
     * The load balancer's idle timeout, AWS's default, which servicekit keeps: it answers 504 for a target silent
     * that long, so no response time it measures is longer.
     */
    public static final int LOAD_BALANCER_IDLE_TIMEOUT_SECONDS = 60;

    /**
     * The Elastic Load Balancing accounts that deliver access logs in the regions opened before August 2022
     * (AWS's "Enable access logs for your Application Load Balancer", and the provider's
     * {@code aws_elb_service_account} data). Newer regions deliver as the service principal
     * {@value #ELB_LOG_DELIVERY_SERVICE} alone, which AWS now documents for every region; a bucket policy names
     * both where there is an account, so that either way of delivering is allowed.
     */
    public static final Map<String, String> ELB_LOG_DELIVERY_ACCOUNTS = Map.ofEntries(
            Map.entry("us-east-1", "127311923021"), Map.entry("us-east-2", "033677994240"),
            Map.entry("us-west-1", "027434742980"), Map.entry("us-west-2", "797873946194"),
            Map.entry("af-south-1", "098369216593"), Map.entry("ap-east-1", "754344448648"),
            Map.entry("ap-south-1", "718504428378"), Map.entry("ap-northeast-1", "582318560864"),
            Map.entry("ap-northeast-2", "600734575887"), Map.entry("ap-northeast-3", "383597477331"),
            Map.entry("ap-southeast-1", "114774131450"), Map.entry("ap-southeast-2", "783225319266"),
            Map.entry("ap-southeast-3", "589379963580"), Map.entry("ca-central-1", "985666609251"),
            Map.entry("eu-central-1", "054676820928"), Map.entry("eu-west-1", "156460612806"),
            Map.entry("eu-west-2", "652711504416"), Map.entry("eu-west-3", "009996457667"),
            Map.entry("eu-south-1", "635631232127"), Map.entry("eu-north-1", "897822967062"),
            Map.entry("me-south-1", "076674570225"), Map.entry("sa-east-1", "507241528517"),
            Map.entry("us-gov-east-1", "190560391635"), Map.entry("us-gov-west-1", "048591011584"),
            Map.entry("cn-north-1", "638102146993"), Map.entry("cn-northwest-1", "037604701340"));
    public static final String ELB_LOG_DELIVERY_SERVICE = "logdelivery.elasticloadbalancing.amazonaws.com";

    /**
     * Every AWS region (commercial, GovCloud, China), as of November 2026: an environment's region and its
     * state bucket's region must be one of them.
     */
    public static final Set<String> REGIONS = Set.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-east-1", "ap-east-2",
            "ap-south-1", "ap-south-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1",
            "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6",
            "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-west-1",
            "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1", "il-central-1", "me-south-1",
            "me-central-1", "mx-central-1", "sa-east-1", "us-gov-east-1", "us-gov-west-1", "cn-north-1",
            "cn-northwest-1");

    /** ECS runs at most this many tasks per service (its "Tasks per service" quota, not adjustable). */
    public static final int ECS_TASKS_PER_SERVICE = 5000;

    /**
     * A container image reference as Docker's distribution/reference grammar reads it: an optional registry
     * ({@code host[:port]/}), lowercase path components, an optional tag ({@code :1.27}, at most 128
     * characters) and an optional digest, which registries and ECS know only as {@code @sha256:} and 64 lowercase
     * hex digits.
     */
    public static final Pattern IMAGE_REFERENCE = Pattern.compile(
            "(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
                    + "(?::[0-9]+)?/)?"
                    + "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
                    + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
                    + "(?:@sha256:[0-9a-f]{64})?");
    /** An image reference's name, before its tag and digest, is at most this long. */
    public static final int IMAGE_NAME_MAX = 255;

    /** An availability zone ID, e.g. {@code use1-az3}: the same physical zone in every account. */
    public static final Pattern ZONE_ID = Pattern.compile("[a-z]+[0-9]+(-[a-z]+[0-9]*)?-az[0-9]+");

    /** Fargate: for each cpu value, the memory sizes (MiB) AWS accepts. */
    public static final Map<Integer, List<Integer>> FARGATE_MEMORY_BY_CPU = Map.of(
            256, List.of(512, 1024, 2048),
            512, steps(1024, 4096, 1024),
            1024, steps(2048, 8192, 1024),
            2048, steps(4096, 16384, 1024),
            4096, steps(8192, 30720, 1024),
            8192, steps(16384, 61440, 4096),
            16384, steps(32768, 122880, 8192));

    /** A Fargate task size: cpu units and memory in MiB. */
    public record FargateSize(int cpu, int memory) {}

    /**
     * The smallest Fargate size that holds {@code cpu} units and {@code memory} MiB (the application's and a
     * sidecar's added up), smallest cpu first and then smallest memory; empty when none does. AWS: "Task CPU and
     * memory" in the Fargate task definition parameters.
     */
    public static java.util.Optional<FargateSize> smallestFargateSizeHolding(int cpu, int memory) {
        return FARGATE_MEMORY_BY_CPU.keySet().stream().sorted().filter(c -> c >= cpu)
                .flatMap(c -> FARGATE_MEMORY_BY_CPU.get(c).stream().sorted().filter(m -> m >= memory)
                        .map(m -> new FargateSize(c, m)).limit(1))
                .findFirst();
    }

    /** Allowed CloudWatch Logs {@code retention_in_days}; 0 means never expire. */
    public static final Set<Integer> LOG_RETENTION_DAYS = Set.of(0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    /** An inclusive integer range with its unit, for messages. */
    public record Range(int min, int max, String unit) {
        public boolean contains(long value) {
            return value >= min && value <= max;
        }

        @Override
        public String toString() {
            return min + "-" + max + (unit.isEmpty() ? "" : " " + unit);
        }
    }

    public static final Range PORT = new Range(1, 65535, "");
    public static final Range SQS_VISIBILITY_TIMEOUT = new Range(0, 43200, "s");
    public static final Range SQS_MESSAGE_RETENTION = new Range(60, 1209600, "s");
    public static final Range SQS_DELIVERY_DELAY = new Range(0, 900, "s");
    public static final Range SQS_RECEIVE_WAIT = new Range(0, 20, "s");
    public static final Range SQS_MAX_RECEIVE_COUNT = new Range(1, 1000, "");
    /** Days S3 keeps a noncurrent object version before a lifecycle rule expires it. */
    public static final Range S3_NONCURRENT_DAYS = new Range(1, 36_500, "days");
    public static final Range HEALTH_CHECK_INTERVAL = new Range(5, 300, "s");
    public static final Range HEALTH_CHECK_TIMEOUT = new Range(2, 120, "s");
    public static final Range HEALTH_CHECK_THRESHOLD = new Range(2, 10, "");
    public static final Range DEREGISTRATION_DELAY = new Range(0, 3600, "s");
    public static final int HEALTH_CHECK_PATH_MAX = 1024;
    public static final Pattern HEALTH_CHECK_MATCHER = Pattern.compile("\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*");
    /** The codes an HTTP target group's matcher may name (ranges ascending). */
    public static final Range HEALTH_CHECK_CODES = new Range(200, 499, "");

    /**
     * A default AWS quota a catalog meets as it grows, counted at synth: AWS checks none of them at plan, and
     * refuses the resource that goes over at apply, half-way through.
     *
     * @param key          how cdktf.json's {@code "quotas"} names it, to declare an increase AWS granted
     * @param name         AWS's name for it (Service Quotas console)
     * @param defaultValue AWS's default
     * @param adjustable   whether AWS raises it on request
     * @param per          what it is counted per: {@code region} (per account and region) or a resource
     * @param source       where AWS documents it
     */
    public record Quota(String key, String name, int defaultValue, boolean adjustable, String per, String source) {}

    private static final String ELB_QUOTAS = "Elastic Load Balancing, \"Quotas for your Application Load Balancers\"";
    private static final String VPC_QUOTAS = "Amazon VPC, \"Amazon VPC quotas\"";

    public static final Quota APPLICATION_LOAD_BALANCERS = new Quota("applicationLoadBalancers",
            "Application Load Balancers per Region", 50, true, "region", ELB_QUOTAS);
    /** Listener rules, the default rules not counted; each web service on a shared load balancer takes one. */
    public static final Quota RULES_PER_LOAD_BALANCER = new Quota("rulesPerLoadBalancer",
            "Rules per Application Load Balancer (default rules not counted)", 100, true, "load balancer", ELB_QUOTAS);
    /** Not adjustable: 100 target groups are all a shared load balancer can ever serve. */
    public static final Quota TARGET_GROUPS_PER_LOAD_BALANCER = new Quota("targetGroupsPerLoadBalancer",
            "Target Groups per Application Load Balancer", 100, false, "load balancer", ELB_QUOTAS);
    public static final Quota TARGET_GROUPS = new Quota("targetGroups", "Target Groups per Region", 3_000, true,
            "region", ELB_QUOTAS);
    /** The default VPC counts too: servicekit counts one per account and region besides the environments'. */
    public static final Quota VPCS = new Quota("vpcs", "VPCs per Region", 5, true, "region", VPC_QUOTAS);
    /** Each NAT gateway of a managed network takes one. */
    public static final Quota ELASTIC_IPS = new Quota("elasticIps", "Elastic IP addresses per Region", 5, true,
            "region", VPC_QUOTAS);
    public static final Quota NAT_GATEWAYS_PER_ZONE = new Quota("natGatewaysPerZone",
            "NAT gateways per Availability Zone", 5, true, "availability zone", VPC_QUOTAS);
    public static final Quota SECURITY_GROUPS = new Quota("securityGroups", "VPC security groups per Region", 2_500,
            true, "region", VPC_QUOTAS);
    /**
     * Inbound, and separately outbound, rules per security group: {@link #SECURITY_GROUP_RULES_PER_DIRECTION}, checked
     * per service where the rules are declared; listed here so that every quota servicekit counts has one entry.
     */
    public static final Quota SECURITY_GROUP_RULES = new Quota("securityGroupRules",
            "Inbound or outbound rules per security group", SECURITY_GROUP_RULES_PER_DIRECTION, true, "security group",
            VPC_QUOTAS);
    /** A target group serves one load balancer (AWS's TargetGroupAssociationLimit). */
    public static final int LOAD_BALANCERS_PER_TARGET_GROUP = 1;
    /** Every quota servicekit counts, by cdktf.json key. */
    public static final List<Quota> QUOTAS = List.of(APPLICATION_LOAD_BALANCERS, RULES_PER_LOAD_BALANCER,
            TARGET_GROUPS_PER_LOAD_BALANCER, TARGET_GROUPS, VPCS, ELASTIC_IPS, NAT_GATEWAYS_PER_ZONE, SECURITY_GROUPS,
            SECURITY_GROUP_RULES);
    /**
     * Listener rule priorities (ELB API, CreateRule): 1 to 50,000. servicekit sets none: the AWS provider takes the
     * listener's highest priority plus one, retrying when another apply took it meanwhile (PriorityInUse), which
     * lets service stacks add their rules to a shared listener side by side (terraform-provider-aws,
     * internal/service/elbv2/listener_rule.go, retryListenerRuleCreate).
     */
    public static final Range LISTENER_RULE_PRIORITY = new Range(1, 50_000, "");
    /** A host-header condition's value: at most 128 characters (ELB API, HostHeaderConditionConfig). */
    public static final int HOST_HEADER_MAX = 128;

    private static List<Integer> steps(int from, int to, int step) {
        return java.util.stream.IntStream.iterate(from, m -> m <= to, m -> m + step).boxed().toList();
    }
}
