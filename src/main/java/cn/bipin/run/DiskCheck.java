package cn.bipin.run;

import java.util.List;

/**
 * One comparison of the database with what is on disk, made before every run: a database restored from an old copy,
 * truncated or replaced must not be used as if nothing happened (re-numbering runs, overwriting published folders,
 * re-mailing leaders).
 */
public interface DiskCheck {

    /** What is on disk that the database does not know, each as a Chinese line naming the file or folder; empty if none. */
    List<String> disagreements();
}
