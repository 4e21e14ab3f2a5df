package cn.bipin.incentive;

/** A whole data file that cannot be read; the message names the file and says what to do, in Chinese. */
class DataFileException extends RuntimeException {

    DataFileException(String fileName, String problem) {
        super("文件 " + fileName + "：" + problem);
    }

    DataFileException(String fileName, String problem, Throwable cause) {
        super("文件 " + fileName + "：" + problem, cause);
    }
}
