package dev.servicekit.parts;

import dev.servicekit.settings.ServiceNames;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.Expression;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The line's secrets: ECS reads each from SSM Parameter Store, {@code /<env>/<service>/<NAME>}, when a task
 * starts and gives it to the container as an environment variable; the value never enters Terraform. The
 * execution role may read the service's own parameters and no others, and decrypt them with the customer-managed
 * keys they are under, if any.
 */
public final class SecretsPart implements ServicePart {

    @Override
    public void declare(ServiceAssembly service) {
        // The Datadog Agent's API key: the execution role may read exactly that parameter.
        service.settings().datadogAgent().ifPresent(agent -> service.executionRole().allow("ReadDatadogApiKey",
                List.of("ssm:GetParameters"), List.of(DatadogAgentSidecar.apiKeyArn(service.platform(), agent))));
        List<String> secrets = service.settings().container().secrets();
        Platform platform = service.platform();
        ServiceNames names = service.names();
        if (secrets instanceof Expression.ExpressionList list) {
            // A module's secrets are a list input: a for expression pairs each with its parameter, and the
            // execution role reads the service's parameter path.
            service.containerSecret(service.local("container_secrets", "${[for s in " + list.expression().hcl()
                    + " : {name = s, valueFrom = \"" + parameterArn(platform, names, "${s}") + "\"}]}"));
            service.executionRole().allow("ReadOwnSecrets", List.of("ssm:GetParameters"),
                    List.of(parameterArn(platform, names, "*")));
        } else if (!secrets.isEmpty()) {
            for (String secret : secrets) {
                Map<String, Object> entry = new TreeMap<>();
                entry.put("name", secret);
                entry.put("valueFrom", parameterArn(platform, names, secret));
                service.containerSecret(entry);
            }
            service.executionRole().allow("ReadOwnSecrets", List.of("ssm:GetParameters"),
                    secrets.stream().map(secret -> parameterArn(platform, names, secret)).toList());
        }
        decryptWithCustomerManagedKeys(service);
    }

    /**
     * kms:Decrypt for the secrets under a customer-managed key: Parameter Store decrypts a SecureString with the
     * caller's permissions (KMS Developer Guide, "How AWS Systems Manager Parameter Store uses AWS KMS"), here
     * the execution role's. Only those keys, only through Parameter Store ({@code kms:ViaService}), only for the
     * service's own parameters: Parameter Store's encryption context names the parameter
     * ({@code kms:EncryptionContext:PARAMETER_ARN}). The AWS-managed key aws/ssm needs no grant: its key policy
     * lets the account's principals decrypt through Parameter Store.
     */
    private static void decryptWithCustomerManagedKeys(ServiceAssembly service) {
        Map<String, String> keys = service.settings().container().secretKmsKeys();
        Platform platform = service.platform();
        ServiceNames names = service.names();
        Object resources;
        Object parameters;
        Condition when;
        if (keys instanceof Expression.ExpressionMap map) {
            // A module's: secret => key where its key input is set.
            String hcl = map.expression().hcl();
            resources = Expression.of("distinct(values(" + hcl + "))");
            parameters = Expression.of("[for s in keys(" + hcl + ") : \"" + parameterArn(platform, names, "${s}") + "\"]");
            when = Condition.expression("length(" + hcl + ") > 0");
        } else if (!keys.isEmpty()) {
            resources = keys.values().stream().distinct().sorted().toList();
            parameters = keys.keySet().stream().map(secret -> parameterArn(platform, names, secret)).toList();
            when = Condition.ALWAYS;
        } else {
            return;
        }
        Map<String, Object> equals = new TreeMap<>();
        equals.put("kms:ViaService", "ssm." + platform.account().region() + ".amazonaws.com");
        equals.put("kms:EncryptionContext:PARAMETER_ARN", parameters);
        service.executionRole().allow("DecryptOwnSecrets", List.of("kms:Decrypt"), resources,
                Map.of("StringEquals", equals), when);
    }

    /** The SSM parameter holding one secret: {@code /<env>/<service>/<NAME>}. */
    static String parameterArn(Platform platform, ServiceNames names, String secret) {
        return platform.account().ssmParameterArn(names.secretsPath() + "/" + secret);
    }
}
