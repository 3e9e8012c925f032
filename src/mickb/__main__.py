from mickb.cli import main

main()
