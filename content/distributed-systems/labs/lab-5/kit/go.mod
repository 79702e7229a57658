module dslabs

go 1.19
