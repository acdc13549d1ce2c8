package dev.servicekit.environment;

/** Where Terraform keeps an environment's state. */
public sealed interface StateBackend {

    /**
     * A state file in the project directory, {@code terraform.<env>.tfstate}, written with a relative
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

        /** The state file's name in the project directory: {@code terraform.<env>.tfstate}. */
        public static String file(String environment) {
            return "terraform." + environment + ".tfstate";
        }
    }

    /** An encrypted S3 object, locked with an S3 lock file (Terraform 1.10+; no DynamoDB table). */
    record S3(String bucket, String key, String region) implements StateBackend {}
}
