package cn.bipin.run;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who runs a run: {@code host:pid}, so a later process can tell whether the owner of a STARTED run is still alive. */
public final class ProcessIdentity {

    static final String HOST = host();
    public static final String SELF = HOST + ":" + ProcessHandle.current().pid();

    private ProcessIdentity() {
    }

    /** Whether the owner is a process on this host that no longer exists. Unknown for other hosts: false. */
    public static boolean deadOnThisHost(String owner) {
        if (owner == null || !owner.startsWith(HOST + ":")) {
            return false;
        }
        try {
            long pid = Long.parseLong(owner.substring(HOST.length() + 1));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
