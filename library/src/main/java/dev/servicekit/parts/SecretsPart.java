package dev.servicekit.parts;

import dev.servicekit.settings.ServiceNames;
import dev.servicekit.terraform.Expression;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The line's secrets: ECS reads each from SSM Parameter Store, {@code /<env>/<service>/<NAME>}, when a task
 * starts and gives it to the container as an environment variable; the value never enters Terraform. The
 * execution role may read the service's own parameters and no others.
 */
public final class SecretsPart implements ServicePart {
    @Override
    public String name() {
        return "secrets";
    }

    @Override
    public void declare(ServiceAssembly service) {
        // The Datadog Agent's API key: the execution role may read exactly that parameter.
        service.settings().datadogAgent().ifPresent(agent -> service.executionRole().allow("ReadDatadogApiKey",
                List.of("ssm:GetParameters"), List.of(DatadogAgentSidecar.apiKeyArn(service.platform(), agent))));
        List<String> secrets = service.settings().secrets();
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
    }

    /** The SSM parameter holding one secret: {@code /<env>/<service>/<NAME>}. */
    static String parameterArn(Platform platform, ServiceNames names, String secret) {
        return "arn:" + platform.partition() + ":ssm:" + platform.region() + ":" + platform.accountId() + ":parameter"
                + names.secretsPath() + "/" + secret;
    }
}
