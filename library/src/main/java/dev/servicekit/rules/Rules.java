package dev.servicekit.rules;


import java.util.List;
import java.util.regex.Pattern;

/**
 * servicekit's own rules and the text of every message that reports a broken one. The messages are
 * shared with the validation blocks of generated modules, where the arguments are Terraform
 * interpolations: one rule, one text, in Java and in HCL.
 */
public final class Rules {
    private Rules() {}

    /** Service names: lowercase letters, digits and inner hyphens, starting with a letter. */
    public static final Pattern SERVICE_NAME = Pattern.compile("[a-z](?:[a-z0-9-]*[a-z0-9])?");
    /** Environment names: lowercase letters and digits, starting with a letter. */
    public static final Pattern ENVIRONMENT_NAME = Pattern.compile("[a-z][a-z0-9]*");
    /** A Datadog notification handle: {@code @slack-...}, {@code @pagerduty-...}, {@code @team-...}, an email. */
    public static final Pattern NOTIFY_HANDLE = Pattern.compile("@[A-Za-z0-9_.+@-]+");
    /** An ACM certificate ARN. */
    public static final Pattern CERTIFICATE_ARN = Pattern.compile("arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/.+");
    /**
     * A KMS key's ARN (a key ID, or a multi-Region key's mrk- ID): IAM grants kms:Decrypt on a key's ARN, not on
     * an alias's.
     */
    public static final Pattern KMS_KEY_ARN = Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+");
    /**
     * A directory the container may write to: an absolute path of letters, digits, dots, hyphens and underscores,
     * without {@code .} or {@code ..} segments. One pattern for Java and Terraform's RE2 (no lookahead).
     */
    public static final Pattern WRITABLE_PATH = Pattern.compile(
            "(/([A-Za-z0-9_-][A-Za-z0-9_.-]*|\\.[A-Za-z0-9_-][A-Za-z0-9_.-]*|\\.\\.[A-Za-z0-9_.-]+))+");

    public static String badWritablePath(String path) {
        return "'" + path + "' must be absolute paths of letters, digits, dots, hyphens and underscores, without . or "
                + ".. segments, e.g. /var/cache/nginx";
    }


    public static String sameVolume(String paths) {
        return "[" + paths + "] would share a volume name (a path given twice, or paths such as /a-b and /a/b, or /a.b and /a_b); "
                + "rename one directory";
    }

    public static String volumeNameTooLong(String path) {
        return "'" + path + "' is too long: its volume name would exceed " + AwsLimits.ECS_VOLUME_NAME_MAX + " characters";
    }

    /**
     * A customizer's failure as its author needs it: what it threw, and where in their code.
     *
     * @param where the user's frame nearest the throw, e.g. {@code com.acme.Infra.main, Infra.java:42}; found by
     *              whoever called the customizer, which knows its own frames
     */
    public static String customizerFailed(RuntimeException e, java.util.Optional<String> where) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        return "threw " + e.getClass().getSimpleName() + message + where.map(w -> " (at " + w + ")").orElse("");
    }

    /**
     * A key servicekit does not know: the known one or two edits away ("did you mean"), else every known key.
     *
     * @param what e.g. "unknown key", "unknown monitor"
     */
    public static String unknown(String what, String key, java.util.Collection<String> known) {
        int best = known.stream().mapToInt(k -> editDistance(key, k)).min().orElse(Integer.MAX_VALUE);
        if (best <= MAX_SUGGESTION_EDITS) {
            return what + "; did you mean " + known.stream().filter(k -> editDistance(key, k) == best)
                    .map(k -> "\"" + k + "\"").collect(java.util.stream.Collectors.joining(" or ")) + "?";
        }
        return what + "; known: " + known;
    }

    /** How far a misspelt key may be from the one meant, for "did you mean". */
    public static final int MAX_SUGGESTION_EDITS = 2;

    /**
     * The edits (insertions, deletions, substitutions and swaps of two neighbouring letters) from {@code a} to
     * {@code b}, ignoring case: {@code maxCont} is one from {@code maxCount}, {@code maxcoutn} two.
     */
    public static int editDistance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[][] d = new int[x.length() + 1][y.length() + 1];
        for (int i = 0; i <= x.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= y.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x.charAt(i - 1) == y.charAt(j - 2) && x.charAt(i - 2) == y.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[x.length()][y.length()];
    }

    /** Monitor priority: 1 (highest) to 5. */
    public static final AwsLimits.Range PRIORITY = new AwsLimits.Range(1, 5, "");

    /** {@code pattern} as an anchored regular expression inside an HCL string literal. */
    public static String hclRegex(Pattern pattern) {
        return "^" + pattern.pattern().replace("\\", "\\\\") + "$";
    }

    public static String badServiceName(String name) {
        return "'" + name + "' must be lowercase letters, digits and inner hyphens, starting with a letter";
    }

    public static String badEnvironmentName(String name) {
        return "'" + name + "' must be lowercase letters and digits, starting with a letter";
    }

    public static String badCpu(String cpu) {
        return cpu + " is not a Fargate cpu size; allowed: "
                + AwsLimits.FARGATE_MEMORY_BY_CPU.keySet().stream().sorted().toList();
    }

    public static String badMemory(String memory, String cpu, String allowed) {
        return memory + " MiB does not fit Fargate cpu " + cpu + "; allowed: " + allowed;
    }

    /** The memory sizes Fargate pairs with a cpu size, as messages show them. */
    public static String describe(List<Integer> sizes) {
        if (sizes.size() <= 3) {
            return sizes.toString();
        }
        return sizes.get(0) + " to " + sizes.get(sizes.size() - 1) + " in steps of " + (sizes.get(1) - sizes.get(0));
    }

    public static String badCounts(String min, String desired, String max) {
        return "counts must satisfy min <= desired <= max; got " + min + " <= " + desired + " <= " + max;
    }

    public static String countsFromTheEnvironment(java.util.List<String> counts) {
        return " (" + String.join(" and ", counts) + " from the environment; set " + (counts.size() == 1 ? "it" : "them")
                + " on the line too, e.g. .counts(c -> c.min(1).desired(2).max(4)))";
    }

    public static String badRetention(String days) {
        return days + " is not a CloudWatch retention; allowed: " + AwsLimits.LOG_RETENTION_DAYS.stream().sorted().toList();
    }

    public static String outside(String value, AwsLimits.Range range) {
        return value + " is outside " + range;
    }

    public static String badHealthCheckPath(String path) {
        return "'" + path + "' must start with / and be at most " + AwsLimits.HEALTH_CHECK_PATH_MAX + " characters";
    }

    /** A link for the monitors' messages and the dashboard: http(s), a host, no whitespace (Markdown would break). */
    public static final Pattern RUNBOOK_URL = Pattern.compile("(?i:https?)://[^\\s/?#]+[^\\s]*");

    public static String badRunbook(String url) {
        return "'" + url + "' must be an http(s) URL with a host and no spaces";
    }

    /** Datadog's limit on a tag's length, its key included. */
    public static final int DATADOG_TAG_MAX = 200;

    /** @param length the tag's length; a Terraform interpolation in modules */
    public static String ownerTooLongForDatadog(String tag, String length) {
        return "'" + tag + "' is " + length + " characters; Datadog limits tags to " + DATADOG_TAG_MAX
                + " and truncates longer ones";
    }

    public static final String BLANK_EXECUTABLE = "the first word is the program to run and must not be blank "
            + "(leave .command out for the image's own)";

    public static String badCertificate(String arn) {
        return "'" + arn + "' is not an ACM certificate ARN";
    }

    /** With HTTPS on, a certificate is required, and a certificate without HTTPS would be ignored. */
    public static final String HTTPS_NEEDS_A_CERTIFICATE =
            "enable_https and certificate_arn go together: HTTPS needs a certificate, and a certificate without "
                    + "enable_https would be ignored";

    public static String privateEcrImage(String image, String switchName) {
        return "'" + image + "' is in a private ECR repository: set " + switchName + " = true so that the execution "
                + "role may pull it";
    }

    public static String badHandle(String handle) {
        return "'" + handle + "' is not a Datadog handle such as @slack-alerts";
    }

    /** Handles of Datadog's paging integrations: whatever notifies one of them pages a person. */
    /**
     * A handle the environment did not name: servicekit does not invent one (a handle no team has sends every
     * alert nowhere).
     *
     * @param key "page" or "notify"
     */
    public static String handleNotSet(String key, String environment) {
        String example = key.equals("page") ? "\"@pagerduty-your-team\" (in an environment that never pages, a chat "
                + "handle, such as its notify handle)" : "\"@slack-your-team\"";
        return "not set, and servicekit does not invent one: set \"" + key + "\" for " + environment + " in cdktf.json "
                + "(context.servicekit." + environment + ", or context.servicekitDefaults for every environment), e.g. "
                + example + "; in Java, Environment...toBuilder().alerts(page, notify)";
    }

    /** A prod-preset environment whose Terraform state would sit, by default, in a file on one machine. */
    public static String localProdState(String environment, String file) {
        return "prod state in the local file " + file + ", which one machine holds and nothing locks: set \"stateBucket\" "
                + "for " + environment + " in cdktf.json (S3, encrypted, locked) or \"cloud\" (HCP Terraform), or "
                + "\"localState\": true to keep it local on purpose";
    }

    /** A line that pages without a runbook: at 3 a.m. the page must say what to do. */
    public static String pagesWithoutRunbook(String pageHandle) {
        return "pages " + pageHandle + " but links no runbook, and at 3 a.m. the page must say what to do: give the "
                + "line .runbook(url), or the environment a default \"runbook\" in cdktf.json";
    }

    /** The Datadog Agent's image: Datadog's own, pinned by a sha256 digest. */
    public static final Pattern DATADOG_AGENT_IMAGE = Pattern.compile("(public\\.ecr\\.aws/datadog|gcr\\.io/datadoghq|"
            + "docker\\.io/datadog|datadog|registry\\.datadoghq\\.com)/agent(:[A-Za-z0-9_.-]+)?@sha256:[0-9a-f]{64}");

    public static String agentImageNotPinned(String image) {
        return "'" + image + "' is not Datadog's Agent pinned by digest: give public.ecr.aws/datadog/agent:<tag>"
                + "@sha256:<the 64 hex digits of that tag's digest>; servicekit names no digest it cannot verify";
    }

    /** An image pinned by a sha256 digest, from any registry. */
    public static final Pattern DIGEST_PINNED_IMAGE = Pattern.compile("[^\\s@]+@sha256:[0-9a-f]{64}");

    public static String logRouterNotPinned(String image) {
        return "'" + image + "' is not pinned by digest: give AWS for Fluent Bit as public.ecr.aws/aws-observability/"
                + "aws-for-fluent-bit:<tag>@sha256:<the 64 hex digits of that tag's digest>";
    }

    public static final String LOGS_TO_DATADOG_NEED_A_ROUTER = "logs to Datadog go through FireLens: give "
            + "logRouterImage, AWS for Fluent Bit pinned by digest";

    public static final String LOG_ROUTER_WITHOUT_DATADOG_LOGS = "has no effect unless logs is \"datadog\"";

    /** An SSM parameter name as a path: {@code /datadog/api-key}. */
    public static final Pattern SSM_PARAMETER_PATH = Pattern.compile("(/[A-Za-z0-9_.-]+)+");

    public static String badParameterName(String name) {
        return "'" + name + "' is not an SSM parameter path such as /datadog/api-key (letters, digits, _ . - between "
                + "slashes)";
    }

    /** The Agent's CPU units and memory (MiB): at least what it starts with, at most a Fargate task's. */
    public static final AwsLimits.Range AGENT_CPU = new AwsLimits.Range(64, 4096, "cpu units");
    public static final AwsLimits.Range AGENT_MEMORY = new AwsLimits.Range(128, 8192, "MiB");

    public static final String NO_AGENT_IN_THE_ENVIRONMENT = "asks for the Datadog Agent, but the environment runs "
            + "none: give it \"datadogAgent\" in cdktf.json";

    /** The application's and the Agent's resources fit no Fargate size. */
    public static String noFargateSizeHolds(int cpu, int memory) {
        return "with the Datadog Agent the task needs " + cpu + " cpu units and " + memory + " MiB, which no Fargate "
                + "size holds (at most 16384 cpu and 122880 MiB): give the line a smaller size or the Agent fewer resources";
    }

    public static final Pattern PAGING_HANDLE = Pattern.compile("(?i)@(pagerduty|opsgenie|victorops|oncall)(-[^@]*)?");

    public static String notifyPages(String handle) {
        return "'" + handle + "' is a paging integration, but warnings and causes must not page: notify a chat or "
                + "email handle such as @slack-alerts (symptoms page through page)";
    }

    public static String negative(String value) {
        return value + " must not be negative";
    }

    /**
     * Every service keeps a task: CPU tracking cannot scale out from zero, and a worker's first scale-out
     * step starts at {@value Scaling#SCALE_OUT_BACKLOG} visible messages, so
     * fewer would wait for ever.
     */
    public static String needsATask(String min) {
        return min + " must be at least 1: a web service cannot scale out from zero tasks, and a worker at zero "
                + "would leave up to " + (Scaling.SCALE_OUT_BACKLOG - 1)
                + " messages waiting (scaling out starts at " + Scaling.SCALE_OUT_BACKLOG
                + " visible)";
    }

    public static String atLeastOne(String count) {
        return count + " must be at least 1";
    }

    public static String startsWithInternal(String name) {
        return "'" + name + "' must not start with 'internal-'";
    }

    public static String percentageAbove100(String value) {
        return value + " is a percentage above 100";
    }

    public static String neverFires(String critical) {
        return critical + " can never fire: this monitor fires below its critical threshold";
    }

    public static String notFinite(String value) {
        return value + " is not a finite number";
    }

    /** An environment (a preset, or cdktf.json) without thresholds for a monitor kind. */
    public static final String NO_THRESHOLDS = "the environment gives this monitor no thresholds";

    /** @param maximum the largest burn rate the target allows, 1 / (1 - target), as text */
    public static String badBurnRate(String value, String target, String maximum) {
        return value + " is not a burn rate Datadog accepts for a " + target + " % SLO: above 0 and at most "
                + maximum + " (1 / (1 - target))";
    }

    /**
     * @param kind     the monitor kind's key in overrides ({@code slo_fast_burn})
     * @param constant its constant in Java ({@code SLO_FAST_BURN})
     */
    public static String targetBelowTheBurnRates(String target, String kind, String constant, String burnRate,
                                                 double maximum) {
        String most = new java.math.BigDecimal(maximum).setScale(1, java.math.RoundingMode.DOWN).stripTrailingZeros()
                .toPlainString();
        return "a " + target + " % SLO allows burn rates up to " + most + ", below the environment's " + kind
                + " (" + burnRate + "): set .monitor(" + constant + ", Thresholds.critical(n)) with n at most "
                + most + " on the line, or a higher target";
    }

    public static String prefixTakes(String awsEnvironment) {
        return " ('" + awsEnvironment + "-', the environment's prefix and name, takes " + (awsEnvironment.length() + 1)
                + " of them; a shorter prefix or service name fits)";
    }

    public static String badLocationCount(String value, String locations) {
        return value + " locations cannot fail: the environment's synthetics tests run from " + locations;
    }

    public static String noDataTooShort(String value, double minimum) {
        return value + " minutes is too short: at least " + new java.math.BigDecimal(minimum).stripTrailingZeros()
                .toPlainString() + ", twice the window, or late data would look missing";
    }

    public static String badSloWindow(String window, java.util.Collection<String> allowed) {
        return "'" + window + "' is not an SLO window; allowed: " + allowed;
    }

    /** The least SLO target taken: below it, a target is more likely a fraction (0.999) than meant. */
    public static final int SLO_TARGET_MIN = 50;

    public static String badSloTarget(String target) {
        return target + " is not an SLO target: a percentage from " + SLO_TARGET_MIN + " to below 100, e.g. 99.9 "
                + "(not a fraction such as 0.999)";
    }

    public static String slowerThanTheLoadBalancerWaits(String seconds) {
        return seconds + " s: the load balancer gives up after " + AwsLimits.LOAD_BALANCER_IDLE_TIMEOUT_SECONDS
                + " s (its idle timeout), so no response is slower and the monitor would never fire; thresholds are "
                + "seconds, e.g. 0.5 for 500 ms";
    }

    /** Seconds between two runs of a synthetics test, as Datadog accepts them. */
    public static final AwsLimits.Range SYNTHETICS_TICK = new AwsLimits.Range(30, 604_800, "s");
    /** Datadog takes a non-negative delay; beyond a day, monitors would judge day-old data. */
    public static final AwsLimits.Range EVALUATION_DELAY = new AwsLimits.Range(0, 86_400, "s");

    /**
     * A warning threshold on the wrong side of its critical one.
     *
     * @param above the monitor fires above its thresholds (below them otherwise)
     */
    public static String warningAfterCritical(boolean above, String warning, String critical) {
        return above
                ? warning + " must be below the critical threshold " + critical + " (this monitor fires above its thresholds)"
                : warning + " must be above the critical threshold " + critical + " (this monitor fires below its thresholds)";
    }

    // Messages of rules that were written inline in the validator; one place for every text.

    public static final String RESERVED_NAME = "is reserved for the environment's own resources";
    public static final String NEGATIVE_SLOT = "must be 0 or more: the first shared load balancer is 0";
    public static final String DECLARED_TWICE = "declared more than once; service names must be unique";
    public static final String MUST_NOT_BE_EMPTY = "must not be empty";
    public static final String MUST_NOT_BE_NULL = "must not be null";
    public static final String NULL_KEY = "has a null key";
    public static final String EMPTY_CATALOG = "has no services: synthesizing it would destroy every service of every "
            + "environment. Keep a line; to stop managing an environment, take it out of cdktf.json";

    public static String badImage(String image) {
        return "'" + image + "' is not an image reference such as public.ecr.aws/nginx/nginx:1.27 or "
                + "registry.example.com/team/app@sha256:<64 hex digits> (lowercase repository, a tag of letters, "
                + "digits, _ . -, no spaces)";
    }

    public static String renamedFromItself(String name) {
        return "'" + name + "' is the line's own name";
    }

    public static String renamedFromALine(String name) {
        return "'" + name + "' is still a line of the catalog; the old name of a renamed service must be free";
    }

    public static String retiredWhileRenamed(String oldName) {
        return "a retired line keeps the name its resources have in Terraform: retire it as " + oldName
                + ", without renamedFrom";
    }

    public static String badKmsKey(String arn) {
        return "'" + arn + "' is not a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key ID>; not an alias)";
    }

    public static String kmsKeyInOtherRegion(String arn, String region) {
        return "'" + arn + "' is in another region than the environment's (" + region + "); Parameter Store "
                + "encrypts a parameter only with a key of its own region";
    }

    public static String certificateInOtherRegion(String arn, String region) {
        return "'" + arn + "' is in another region than the environment's (" + region + "); a load balancer "
                + "takes only a certificate of its own region";
    }

    public static String tooManyTasks(String count) {
        return count + " is more than ECS runs for one service (" + AwsLimits.ECS_TASKS_PER_SERVICE + ")";
    }

    public static String nameTaken(String name, String field, String owner) {
        return "'" + name + "' is also the " + field + " of " + owner + "; AWS would refuse the second";
    }
    /** A container variable's name, as ECS and shells take it. */
    public static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    public static final String NOT_A_VARIABLE_NAME = "is not a valid environment variable name";

    /**
     * A plain variable named as a secret is one: one of its words ({@code _}-separated) is a secret's
     * ({@code DB_PASSWORD}, {@code GITHUB_TOKEN}, {@code DD_API_KEY}), unless its last word says it is about one
     * ({@code TOKEN_URL}, {@code PASSWORD_MIN_LENGTH}, {@code POSTGRES_PASSWORD_FILE}). Narrower than trivy's
     * AVD-AWS-0036, which flags any name containing such a word: servicekit refuses what is surely a secret,
     * and a name trivy flags that is not one (TOKEN_URL) remains a finding to mark as ignored.
     */
    public static final Pattern SENSITIVE_VARIABLE_NAME = Pattern.compile(
            "(?i)(.*_)?(password|passwd|secret|token|api_?key|private_?key|access_?key|access_key_id|credentials?)(_.*)?");
    public static final Pattern ABOUT_A_SECRET = Pattern.compile("(?i).*_(url|uri|endpoint|host|port|arn|region|path|file|"
            + "dir|name|header|cookie|type|version|length|size|ttl|seconds|minutes|count|min|max|enabled|format|id)");
    /** Values that are credentials by their form: AWS access keys, private keys, GitHub and Slack tokens. */
    public static final Pattern CREDENTIAL_VALUE = Pattern.compile("(?s).*(\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"
            + "|-----BEGIN [A-Z ]*PRIVATE KEY-----|\\bghp_[A-Za-z0-9]{36}\\b|\\bxox[abprs]-[A-Za-z0-9-]{10,}).*");

    public static boolean namedAsASecret(String name) {
        return SENSITIVE_VARIABLE_NAME.matcher(name).matches() && !ABOUT_A_SECRET.matcher(name).matches();
    }

    public static boolean holdsACredential(String value) {
        return value != null && CREDENTIAL_VALUE.matcher(value).matches();
    }

    public static String plaintextSecret(String names) {
        return "'" + names + "' is named as a secret, which must not be a plain variable (its value would be in "
                + "Terraform's state and the task definition; trivy AVD-AWS-0036): declare it with .secret(name), "
                + "read from SSM at start";
    }

    public static String credentialInPlainText(String names) {
        return "the value of '" + names + "' has the form of a credential (an AWS access key, a private key, a "
                + "GitHub or Slack token), which must not be a plain variable: declare it with .secret(name)";
    }

    public static String notAllVariableNames(String names) {
        return "'" + names + "' are not valid environment variable names (letters, digits, _; not a digit first)";
    }

    public static String variablesSetByServicekit(String names) {
        return "'" + names + "' are set by servicekit (the service's queue or add-ons)";
    }

    public static String secretsAlsoPlain(String names) {
        return "'" + names + "' are also plain environment variables; ECS refuses a name that is both";
    }

    public static String secretsGivenTwice(String names) {
        return "'" + names + "' names a secret more than once";
    }
    public static String setByServicekit(String source) {
        return "is set by servicekit (the service's " + source + ")";
    }
    public static final String NAME_DECLARED_TWICE = "declared more than once";
    public static final String GIVEN_TWICE = "given more than once";
    public static final String SECRET_ALSO_PLAIN = "is also a plain environment variable";
    public static final String WEB_ONLY = "applies to web services only";
    public static final String QUEUE_ONLY = "applies to services with a queue only";
    public static final String INTERNET_FACING_ONLY = "applies to internet-facing web services only";
    public static final String NO_WARNING = "this monitor has only a critical threshold (it alerts or it does not); "
            + "leave warning out";
    public static final String NO_SYNTHETICS_LOCATION = "needs at least one Datadog location, e.g. aws:us-east-1";
    public static final String ADOPTED_VPC_NEEDS_TWO_PUBLIC_SUBNETS =
            "needs at least two distinct public subnets: a load balancer spans two zones";
    public static final String ADOPTED_VPC_NEEDS_A_CLUSTER = "an adopted VPC needs an ECS cluster name";

    /** Terraform's message when the region has fewer usable zones than an environment's network asks for. */
    public static String tooFewZones(String environment, int zones) {
        return "Environment " + environment + " asks for " + zones + " availability zones, but the region has fewer "
                + "that are available, need no opt-in and are not in excludeZoneIds. Lower context.servicekit."
                + environment + ".zones in cdktf.json or exclude fewer zones.";
    }

    public static String reservedName(String name) {
        return "'" + name + "' " + RESERVED_NAME;
    }

    public static String unknownEnvironment(String name, java.util.List<String> known) {
        return unknown("unknown environment", name, known);
    }

    /**
     * A catalog over one of AWS's default quotas: the quota, its default, what the catalog needs, where, and the
     * setting that avoids it.
     */
    public static String overQuota(AwsLimits.Quota quota, int limit, int count, String where, String avoid) {
        boolean raised = limit != quota.defaultValue();
        return "AWS quota \"" + quota.name() + "\" is " + limit + (raised ? " (declared in cdktf.json; AWS's default "
                + quota.defaultValue() + ")" : " by default" + (quota.adjustable() ? "" : ", not adjustable")) + ", and "
                + where + " would need " + count + " (AWS refuses the one over it at apply, half-way); " + avoid;
    }

    public static String unknownQuota(List<String> known) {
        return "unknown quota; known: " + known;
    }

    public static String quotaNotAdjustable(AwsLimits.Quota quota) {
        return "\"" + quota.name() + "\" is " + quota.defaultValue() + " and AWS does not raise it; leave it out";
    }

    public static String quotaKeptAtDefault(AwsLimits.Quota quota) {
        return "servicekit keeps \"" + quota.name() + "\" at AWS's default " + quota.defaultValue() + ": raising it lowers "
                + "how many security groups a network interface may have; leave it out";
    }

    public static String quotaNotPositive(String value) {
        return "'" + value + "': a quota is a whole number of at least 1, the value AWS granted";
    }

    public static String noSuchSharedLoadBalancer(int slot, String scheme, int count, String environment) {
        return "shared load balancer " + slot + " does not exist: " + environment + " keeps " + count + " " + scheme
                + " one" + (count == 1 ? "" : "s") + " (numbered from 0); raise \"sharedLoadBalancers\": {\"" + scheme
                + "\": " + (slot + 1) + "} in cdktf.json first (a change to the platform stack alone)";
    }

    public static String certificateOnSharedLoadBalancer(String environment) {
        return "a shared load balancer in " + environment + " serves the environment's certificate (certificateArn "
                + "in cdktf.json, or the wildcard certificate of its hostedZoneId), not one per line; leave the line's out";
    }

    public static String hostNameTooLong(String host, int max) {
        return "'" + host + "' is " + host.length() + " characters; a load balancer's host-header condition takes at "
                + "most " + max + ": a shorter domain or service name";
    }

    public static String notAnAccountId(String account) {
        return "'" + account + "' is not an AWS account ID (12 digits)";
    }

    public static String notADomain(String domain) {
        return "'" + domain + "' is not a DNS domain in lower case (e.g. prod.example.com): each web service answers on "
                + "<service>.<domain>";
    }

    public static String notAHostedZoneId(String zone) {
        return "'" + zone + "' is not a Route 53 hosted zone ID (e.g. Z0123456789ABCDEFGHIJ)";
    }

    public static String ownerGivesNoStack(String owner) {
        return "owner '" + owner + "' has no letter or digit to name its stack by, in an environment with \"stacks\": "
                + "\"owner\"";
    }

    public static String badWorkspaceName(String name) {
        return "the workspace '" + name + "' is not an HCP Terraform workspace name (letters, digits, - and _, at most "
                + "90 characters): a shorter prefix or name";
    }

    /** What a stack name derived from a line's owner would be, and why it cannot be. */
    public static String ownerStackTaken(String owner, String stack, String other) {
        return "owner '" + owner + "' gives the stack " + stack + ", which " + other + " gives too: owners must differ "
                + "in their letters and digits";
    }

    public static String needsCertificate(String environment) {
        return "an internet-facing web service in " + environment + " needs a certificate (certificateArn in "
                + "cdktf.json or on the line), or ." + environment + "(o -> o.allowPlainHttp()) to serve plain HTTP "
                + "on purpose";
    }

    public static String notAnAwsRegion(String region) {
        return "'" + region + "' is not an AWS region";
    }

    /** A Datadog site's API, as the provider's api_url takes it: its host and nothing after (no /api/). */
    public static final Pattern DATADOG_API_URL = Pattern.compile("https://api\\.[a-z0-9-]+(\\.[a-z0-9-]+)+/?");

    public static String notADatadogApi(String url) {
        return "'" + url + "' is not a Datadog site's API such as https://api.datadoghq.eu/ (the api. host, no path)";
    }

    /** A Synthetics location: a managed one ({@code aws:eu-west-1}, {@code azure:eastus}) or a private one ({@code pl:...}). */
    public static final Pattern SYNTHETICS_LOCATION = Pattern.compile("(aws|azure|gcp):[a-z0-9-]+|pl:[A-Za-z0-9_-]+");

    public static String badSyntheticsLocation(String location) {
        return "'" + location + "' is not a Synthetics location such as aws:us-east-1 (or pl:<id> for a private one)";
    }

    public static String syntheticsLocationTwice(String location) {
        return "'" + location + "' is listed more than once";
    }

    public static String badManagedCidr(String cidr) {
        return "'" + cidr + "' must be a 10.x.0.0/16 block, x from 0 to 255";
    }

    public static String badZoneId(String id) {
        return "'" + id + "' is not an availability zone ID such as use1-az3";
    }

    public static String notAVpcId(String id) {
        return "'" + id + "' is not a VPC ID such as vpc-0123456789abcdef0";
    }

    public static String notASubnetId(String id) {
        return "'" + id + "' is not a subnet ID such as subnet-0123456789abcdef0";
    }

    public static String notAllSubnetIds(String ids) {
        return "'" + ids + "' are not all subnet IDs such as subnet-0123456789abcdef0";
    }

    /** Subnets an adopted network must list: distinct, and at least two (one per zone). */
    public static final int MIN_SUBNETS = 2;
    public static final String TASK_SUBNETS_IN_ONE_ZONE = "needs at least " + MIN_SUBNETS + " distinct subnets, one "
            + "per zone: tasks in one subnet all stop when its zone fails";

    public static String notABucketName(String bucket) {
        return "'" + bucket + "' is not an S3 bucket name";
    }

    public static String deadLetterRetentionTooShort(int deadLetter, int queue) {
        return deadLetter + " s is shorter than the queue's retention (" + queue + " s): SQS expires a dead letter "
                + "by the time it was first sent, so it could be gone as it arrives";
    }

    public static String badMatcher(String matcher) {
        return "'" + matcher + "' is not a list of HTTP codes such as 200-399: codes from "
                + AwsLimits.HEALTH_CHECK_CODES + ", ranges ascending, separated by commas";
    }

    public static String timeoutNotBelowInterval(int timeout, int interval) {
        return timeout + " s must be less than the interval (" + interval + " s)";
    }

    public static final String NO_ACTIONS = "names no actions";
    public static final String NO_RESOURCES = "names no resources";
    public static final String ONE_PEER = "needs exactly one peer: a CIDR block or a security group";
    public static final String RULE_DECLARED_TWICE = "declares the same ports and peer twice";
    public static final String RULE_GIVEN_ALREADY =
            "every task may already reach TCP 443 anywhere (HTTPS); EC2 refuses the same rule twice, so drop this one";

    public static String badAction(String action) {
        return "'" + action + "' is not an IAM action such as s3:GetObject";
    }

    public static String badResource(String resource) {
        return "'" + resource + "' is not an ARN (arn:aws:<service>:<region>:<account>:<resource>)";
    }

    public static String starResource(java.util.List<String> scopable) {
        return "'*' is refused: " + scopable + " can be scoped to resources; name their ARNs (only actions AWS "
                + "cannot scope, such as ecr:GetAuthorizationToken or cloudwatch:PutMetricData, may use '*')";
    }

    public static String taskPolicyTooLarge(int characters) {
        return "the statements take about " + characters + " characters; IAM limits a role's inline policies to "
                + AwsLimits.ROLE_INLINE_POLICY_CHARACTERS + " in all, of which the service's own statements keep "
                + AwsLimits.TASK_ROLE_OWN_STATEMENTS_CHARACTERS + ": merge statements, or use wildcards in actions "
                + "and resources";
    }

    public static String tooManyRules(String direction, int rules) {
        return rules + " " + direction + " rules on the task security group (servicekit's own included); EC2 allows "
                + AwsLimits.SECURITY_GROUP_RULES_PER_DIRECTION + " per direction by default: admit a security group "
                + "or a wider CIDR block instead of many";
    }

    public static String badProtocol(String protocol) {
        return "'" + protocol + "' is not tcp or udp";
    }

    public static String badPorts(int from, int to) {
        return from + "-" + to + " is not a port range within 0-65535";
    }

    public static String badCidr(String cidr) {
        return "'" + cidr + "' is not an IPv4 CIDR block such as 10.40.0.0/16";
    }

    public static String cidrWithHostBits(String cidr, String network) {
        return "'" + cidr + "' has host bits set: the AWS provider refuses it and EC2 keeps only its network; write "
                + network;
    }

    public static String badSecurityGroupId(String id) {
        return "'" + id + "' is not a security group ID (sg-...)";
    }

    /** An option needs something of the service it does not have, e.g. a schedule needs a queue. */
    public static String needsWhatTheServiceLacks(String option, String what) {
        return option + " needs " + what + ", which this service does not have";
    }
}
