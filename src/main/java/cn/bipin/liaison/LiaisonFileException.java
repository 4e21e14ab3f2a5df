package cn.bipin.liaison;

/** A whole file refused: its rows are not read (or, read before it broke, not used). The message names the file. */
class LiaisonFileException extends RuntimeException {

    LiaisonFileException(String fileName, String problem) {
        super("文件 " + fileName + "：" + problem);
    }

    LiaisonFileException(String fileName, String problem, Throwable cause) {
        super("文件 " + fileName + "：" + problem, cause);
    }
}
