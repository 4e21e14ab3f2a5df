package cn.bipin.evaluation;

/** A ballot, case or vote file that cannot be read at all; the message says why, in Chinese, naming the file. */
class BallotFileRejectedException extends RuntimeException {

    BallotFileRejectedException(String fileName, String problem) {
        super("文件 " + fileName + "：" + problem);
    }

    BallotFileRejectedException(String fileName, String problem, Throwable cause) {
        super("文件 " + fileName + "：" + problem, cause);
    }
}
