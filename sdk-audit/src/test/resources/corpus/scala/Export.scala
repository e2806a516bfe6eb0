object Export {
  val target = "ftp://files.dataprovider-exports.com/daily"
  val site = "sftp://files.dataprovider-exports.com/daily"
}
