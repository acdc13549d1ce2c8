package dev.servicekit.snapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes whose change makes the provider replace a resource rather than update it in place
 * ({@code ForceNew: true} in an SDKv2 schema, {@code RequiresReplace()} in a framework one), for every resource
 * type servicekit writes: the input of {@link PlanPreview}. Read from the providers' source, file by file; each
 * entry cites the file and the commit it was read at. Those commits are the versions the source store here holds
 * (between the provider's 4.x and 6.x releases, not exactly 5.23.1, which the stacks pin and the modules'
 * {@code >= 5.23.1, < 6.0.0} allows); a test checks every attribute against the 5.23.1 bindings' schema, and
 * attributes added after 5.23.1 (a log group's {@code log_group_class}, the IPAM pools of subnets and Elastic IPs,
 * none of which servicekit sets) are left out. The Datadog provider's were read at its v3.33.0 tag, where
 * DatadogProvider's {@code ~> 3.33} starts. Attributes servicekit never sets may be missing.
 */
public final class ReplaceForcing {
    /** The AWS provider's repository. */
    public static final String AWS = "hashicorp/terraform-provider-aws";
    /** The Datadog provider's repository. */
    public static final String DATADOG = "DataDog/terraform-provider-datadog";

    /** Where an entry was read: a repository's file at a commit (empty where a search found the text). */
    public record Source(String repository, String path, Optional<String> commit) {
        public String cite() {
            return repository + " " + path + commit.map(c -> " @" + c.substring(0, 8)).orElse("");
        }
    }

    /**
     * A resource type's replace-forcing attributes, as dotted paths ({@code deployment_controller.type}).
     *
     * @param note what else the provider does, where it matters (a plan modifier that forces replacement)
     */
    public record Entry(String type, List<String> attributes, Source source, Optional<String> note) {
        public Entry {
            attributes = List.copyOf(attributes);
        }
    }

    /**
     * The rules' plan modifier: a rule whose source changes kind (a CIDR block to a security group, say) is
     * replaced (the provider's ModifyPlan: "When you modify a rule, you cannot change the rule's source type").
     */
    public static final List<String> RULE_SOURCES = List.of("cidr_ipv4", "cidr_ipv6", "prefix_list_id",
            "referenced_security_group_id");

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        aws("aws_appautoscaling_policy", "internal/service/appautoscaling/policy.go",
                "048320e88399c508ae6481be5d8ef6fd6f71a9f6", "name", "resource_id", "scalable_dimension",
                "service_namespace");
        aws("aws_appautoscaling_target", "internal/service/appautoscaling/target.go",
                "0105d2191ae7e43ba37ba011b916843eddf361ed", "resource_id", "scalable_dimension", "service_namespace");
        aws("aws_cloudwatch_log_group", "internal/service/logs/group.go", "0073593e7d6993ba482409f4dc35438daaa79bb3",
                "name", "name_prefix");
        aws("aws_cloudwatch_metric_alarm", "internal/service/cloudwatch/metric_alarm.go",
                "055611a654738da73e7b1e2b5d2b7672c6d4d531", "alarm_name");
        aws("aws_default_security_group", "internal/service/ec2/vpc_default_security_group.go",
                "01f431114674c27cf790fafb67ac274bf8f765e1", "vpc_id");
        aws("aws_ecs_cluster", "internal/service/ecs/cluster.go", "00a35305dc1b297a6fcdecdfbba33f1e63c3da39", "name");
        aws("aws_ecs_service", "internal/service/ecs/service.go", "00a919d1548eb437816d4838f320502ad34183ff",
                "cluster", "deployment_controller.type", "iam_role", "launch_type", "name", "scheduling_strategy");
        aws("aws_ecs_task_definition", "internal/service/ecs/task_definition.go",
                "04fc21d56d73cb67a9bbef2aedcffe8fbfd07286", "container_definitions", "cpu", "ephemeral_storage",
                "execution_role_arn", "family", "inference_accelerator", "ipc_mode", "memory", "network_mode",
                "pid_mode", "placement_constraints", "proxy_configuration", "requires_compatibilities",
                "runtime_platform", "task_role_arn", "volume");
        aws("aws_eip", "internal/service/ec2/ec2_eip.go", "01606926a0c0ab9174aec440f976a48b0baee722", "address",
                "domain", "network_border_group", "public_ipv4_pool");
        aws("aws_flow_log", "internal/service/ec2/vpc_flow_log.go", "00a35305dc1b297a6fcdecdfbba33f1e63c3da39",
                "deliver_cross_account_role", "destination_options", "eni_id", "iam_role_arn", "log_destination",
                "log_destination_type", "log_format", "max_aggregation_interval", "subnet_id", "traffic_type",
                "transit_gateway_attachment_id", "transit_gateway_id", "vpc_id");
        aws("aws_iam_role", "internal/service/iam/role.go", "0040ea6911af00bea2cca6dbb14e86829826ad8e", "name",
                "name_prefix", "path");
        aws("aws_iam_role_policy", "internal/service/iam/role_policy.go", "02f97af85f89a04e8ed89f5e8b64a9a67f3cfe07",
                "name", "name_prefix", "role");
        aws("aws_iam_role_policy_attachment", "internal/service/iam/role_policy_attachment.go",
                "04c79849dbe7fbe76c3054b364357bcdaade9ac5", "policy_arn", "role");
        aws("aws_internet_gateway", "internal/service/ec2/vpc_internet_gateway.go",
                "08923b68b5ad6fcfdd38362fb5247e39a9b07add");
        aws("aws_lb", "internal/service/elbv2/load_balancer.go", "00edc94be7a89c4c485415cdec27094875f61bfc",
                "customer_owned_ipv4_pool", "internal", "load_balancer_type", "name", "name_prefix");
        aws("aws_lb_listener", "internal/service/elbv2/listener.go", "01c08000ddb14181b5bd19201d8fca311dc570e4",
                "load_balancer_arn");
        aws("aws_lb_target_group", "internal/service/elbv2/target_group.go", "013cfb4cddc9c44a28f34abad0c11768bcdb9b85",
                "ip_address_type", "name", "name_prefix", "port", "protocol", "protocol_version", "target_type",
                "vpc_id");
        aws("aws_nat_gateway", "internal/service/ec2/vpc_nat_gateway.go", "04088eaa54948421bf1ef7494ae2b2c01d9243e3",
                "allocation_id", "connectivity_type", "private_ip", "secondary_private_ip_address_count", "subnet_id");
        aws("aws_route", "internal/service/ec2/vpc_route.go", "0128541e0711766f28540143a9d73738aced60aa",
                "destination_cidr_block", "destination_ipv6_cidr_block", "destination_prefix_list_id", "route_table_id");
        aws("aws_route_table", "internal/service/ec2/vpc_route_table.go", "022092419b7cda11527df3c6b51cbfe1876c1722",
                "vpc_id");
        aws("aws_route_table_association", "internal/service/ec2/vpc_route_table_association.go",
                "0be71beb458ad8875e0acc5c91519c0ceeb214aa", "gateway_id", "subnet_id");
        aws("aws_s3_bucket", "internal/service/s3/bucket.go", "4c72bcc7dc2f5ace40ce61f2a90e12a62cf4ec9a", "bucket",
                "bucket_prefix", "object_lock_configuration.object_lock_enabled", "object_lock_enabled");
        aws("aws_s3_bucket_lifecycle_configuration", "internal/service/s3/bucket_lifecycle_configuration.go",
                "01606926a0c0ab9174aec440f976a48b0baee722", "bucket", "expected_bucket_owner");
        aws("aws_s3_bucket_policy", "internal/service/s3/bucket_policy.go", "0073593e7d6993ba482409f4dc35438daaa79bb3",
                "bucket");
        aws("aws_s3_bucket_public_access_block", "internal/service/s3/bucket_public_access_block.go",
                "01606926a0c0ab9174aec440f976a48b0baee722", "bucket");
        aws("aws_s3_bucket_server_side_encryption_configuration",
                "internal/service/s3/bucket_server_side_encryption_configuration.go",
                "01606926a0c0ab9174aec440f976a48b0baee722", "bucket", "expected_bucket_owner");
        aws("aws_s3_bucket_versioning", "internal/service/s3/bucket_versioning.go",
                "01c08000ddb14181b5bd19201d8fca311dc570e4", "bucket", "expected_bucket_owner");
        aws("aws_scheduler_schedule", "internal/service/scheduler/schedule.go",
                "02f524b9e9cc109457eeba63867c83e70af99455", "group_name", "name", "name_prefix");
        aws("aws_scheduler_schedule_group", "internal/service/scheduler/schedule_group.go",
                "0cdab4ae09a963535e03dde0bff4784afe8e3517", "name", "name_prefix");
        aws("aws_security_group", "internal/service/ec2/vpc_security_group.go", "01606926a0c0ab9174aec440f976a48b0baee722",
                "description", "name", "name_prefix", "vpc_id");
        aws("aws_sqs_queue", "internal/service/sqs/queue.go", "00a35305dc1b297a6fcdecdfbba33f1e63c3da39", "fifo_queue",
                "name", "name_prefix");
        aws("aws_sqs_queue_policy", "internal/service/sqs/queue_policy.go", "0148137dc6fb802b97b74036846777ab15c0f9ad",
                "queue_url");
        aws("aws_sqs_queue_redrive_allow_policy", "internal/service/sqs/queue_redrive_allow_policy.go",
                "0389eecfc28a5e2ac619651541a16d7fc289abf6", "queue_url");
        aws("aws_subnet", "internal/service/ec2/vpc_subnet.go", "00cda125a19d31754cb0d073cf551264c57955cb",
                "availability_zone", "availability_zone_id", "cidr_block", "ipv6_native", "outpost_arn", "vpc_id");
        aws("aws_vpc", "internal/service/ec2/vpc_.go", "00081ce41cc691433ac19bf42227cdabffd0454d", "cidr_block",
                "ipv4_ipam_pool_id", "ipv4_netmask_length");
        rule("aws_vpc_security_group_egress_rule", "internal/service/ec2/vpc_security_group_egress_rule.go",
                "050ac11163cab8cdae5936a7f40b0e528ff780df");
        rule("aws_vpc_security_group_ingress_rule", "internal/service/ec2/vpc_security_group_ingress_rule.go",
                "00a322094b4b9ade8a81b244345dbcf4b52ee8d6");
        // The Datadog provider at v3.33.0 (commit e61ff205), the version DatadogProvider's "~> 3.33" starts from.
        datadog("datadog_dashboard_json", "datadog/resource_datadog_dashboard_json.go");
        datadog("datadog_monitor", "datadog/resource_datadog_monitor.go", "type");
        datadog("datadog_service_level_objective", "datadog/resource_datadog_service_level_objective.go", "type");
        datadog("datadog_synthetics_test", "datadog/resource_datadog_synthetics_test_.go");
    }

    private ReplaceForcing() {}

    private static void aws(String type, String path, String commit, String... attributes) {
        add(new Entry(type, List.of(attributes), new Source(AWS, path, Optional.of(commit)), Optional.empty()));
    }

    private static void datadog(String type, String path, String... attributes) {
        add(new Entry(type, List.of(attributes), new Source(DATADOG, path,
                Optional.of("e61ff205350ce575b075bad15c305c8e5a8cbd0f")), Optional.empty()));
    }

    /** The rule resources share one implementation (vpc_security_group_ingress_rule.go). */
    private static void rule(String type, String path, String commit) {
        add(new Entry(type, List.of("security_group_id"), new Source(AWS, path, Optional.of(commit)),
                Optional.of("and a change of the source's kind (" + String.join(", ", RULE_SOURCES)
                        + ": the plan modifier in vpc_security_group_ingress_rule.go)")));
    }

    private static void add(Entry entry) {
        ENTRIES.put(entry.type(), entry);
    }

    /** Every resource type's entry, by type. */
    public static Map<String, Entry> entries() {
        return java.util.Collections.unmodifiableMap(ENTRIES);
    }

    /** The entry of {@code type}; every type servicekit writes has one. */
    public static Entry of(String type) {
        Entry entry = ENTRIES.get(type);
        if (entry == null) {
            throw new IllegalArgumentException("no replace-forcing attributes are known for " + type
                    + "; read them from its provider's source into ReplaceForcing");
        }
        return entry;
    }

    /** Whether {@code type}'s resources are security group rules, whose source kind forces replacement too. */
    public static boolean isRule(String type) {
        return type.equals("aws_vpc_security_group_egress_rule") || type.equals("aws_vpc_security_group_ingress_rule");
    }
}
