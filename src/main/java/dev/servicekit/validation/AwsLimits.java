package dev.servicekit.validation;

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

    /** A name AWS accepts: its maximum length and the characters allowed. */
    public record NameRule(String resource, int maxLength, Pattern allowed, String allowedDescription) {
        /** The problem with {@code name}, or null when AWS accepts it. */
        public String problem(String name) {
            if (name.isEmpty()) {
                return "must not be empty";
            }
            if (name.length() > maxLength) {
                return tooLong(name, String.valueOf(name.length()));
            }
            if (!allowed.matcher(name).matches()) {
                return "'" + name + "': AWS allows only " + allowedDescription + " in " + resource + " names";
            }
            return null;
        }

        /** The message for a name over the limit; arguments may be Terraform interpolations. */
        public String tooLong(String name, String length) {
            return "'" + name + "' is " + length + " characters; AWS limits " + resource + " names to " + maxLength;
        }
    }

    private static final Pattern ALNUM_HYPHEN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");

    public static final NameRule LOAD_BALANCER_NAME = new NameRule("load balancer", 32, ALNUM_HYPHEN,
            "letters, digits and inner hyphens");
    public static final NameRule TARGET_GROUP_NAME = new NameRule("target group", 32, ALNUM_HYPHEN,
            "letters, digits and inner hyphens");
    public static final NameRule QUEUE_NAME = new NameRule("SQS queue", 80, Pattern.compile("[A-Za-z0-9_-]+"),
            "letters, digits, hyphens and underscores");
    public static final NameRule ECS_NAME = new NameRule("ECS service or task family", 255,
            Pattern.compile("[A-Za-z0-9_-]+"), "letters, digits, hyphens and underscores");
    public static final NameRule IAM_ROLE_NAME = new NameRule("IAM role", 64, Pattern.compile("[A-Za-z0-9+=,.@_-]+"),
            "letters, digits and +=,.@_-");
    public static final NameRule LOG_GROUP_NAME = new NameRule("CloudWatch log group", 512,
            Pattern.compile("[A-Za-z0-9._/#-]+"), "letters, digits and ._-/#");
    public static final NameRule SECURITY_GROUP_NAME = new NameRule("security group", 255,
            Pattern.compile("(?!sg-)[A-Za-z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]+"),
            "letters, digits and ._-:/()#,@[]+=&;{}!$* (and no leading sg-)");

    /** Fargate: for each cpu value, the memory sizes (MiB) AWS accepts. */
    public static final Map<Integer, List<Integer>> FARGATE_MEMORY_BY_CPU = Map.of(
            256, List.of(512, 1024, 2048),
            512, steps(1024, 4096, 1024),
            1024, steps(2048, 8192, 1024),
            2048, steps(4096, 16384, 1024),
            4096, steps(8192, 30720, 1024),
            8192, steps(16384, 61440, 4096),
            16384, steps(32768, 122880, 8192));

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
    public static final Range HEALTH_CHECK_INTERVAL = new Range(5, 300, "s");
    public static final Range HEALTH_CHECK_TIMEOUT = new Range(2, 120, "s");
    public static final Range HEALTH_CHECK_THRESHOLD = new Range(2, 10, "");
    public static final Range DEREGISTRATION_DELAY = new Range(0, 3600, "s");
    public static final int HEALTH_CHECK_PATH_MAX = 1024;
    public static final Pattern HEALTH_CHECK_MATCHER = Pattern.compile("\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*");

    private static List<Integer> steps(int from, int to, int step) {
        return java.util.stream.IntStream.iterate(from, m -> m <= to, m -> m + step).boxed().toList();
    }
}
