module coursecode
go 1.19
