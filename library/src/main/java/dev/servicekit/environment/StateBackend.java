package dev.servicekit.environment;

import java.util.Optional;

/** Where Terraform keeps an environment's state: one state, and one lock, per stack. */
public sealed interface StateBackend {

    /**
     * A state file per stack in the project directory, {@code terraform.<stack>.tfstate}, written with a relative
     * path so the synthesized JSON is the same on every machine and survives a fresh {@code cdktf.out}.
     * One machine holds it and nothing locks it: a prod-preset environment keeps it only {@link #ON_PURPOSE}
     * ({@code "localState": true} in cdktf.json).
     *
     * @param chosen true when the environment asked for a local state file, rather than being given it by default
     */
    record Local(boolean chosen) implements StateBackend {
        /** The presets' state: local, because no bucket was named. */
        public static final Local DEFAULT = new Local(false);
        /** A local state file, kept on purpose. */
        public static final Local ON_PURPOSE = new Local(true);

        /** The state file's name in the project directory: {@code terraform.<stack>.tfstate}. */
        public static String file(String stack) {
            return "terraform." + stack + ".tfstate";
        }
    }

    /**
     * An encrypted S3 object per stack, locked with an S3 lock file beside it (Terraform 1.10+; no DynamoDB
     * table).
     *
     * @param key the environment's key, {@code servicekit/<prefix>-<env>.tfstate}: the one stack of the
     *            environment layout; the stacks of the other layouts take {@code servicekit/<prefix>-<env>/<part>.tfstate}
     */
    record S3(String bucket, String key, String region) implements StateBackend {
        /** The key of the stack {@code part} ({@code platform}, a service, an owner), or the environment's own. */
        public String key(Optional<String> part) {
            return part.map(p -> key.substring(0, key.length() - ".tfstate".length()) + "/" + p + ".tfstate").orElse(key);
        }
    }

    /**
     * HCP Terraform or Terraform Enterprise (cdktf's cloud backend): a workspace per stack, named
     * {@code <prefix>-<env>[-<part>]}, locked and versioned by the service.
     *
     * @param hostname {@value #DEFAULT_HOSTNAME} for HCP Terraform, or a Terraform Enterprise host
     * @param project  the project the workspaces are created in; the organization's default without one
     */
    record Cloud(String organization, String hostname, Optional<String> project) implements StateBackend {
        public static final String DEFAULT_HOSTNAME = "app.terraform.io";

        public Cloud {
            project = project == null ? Optional.empty() : project;
        }
    }
}
