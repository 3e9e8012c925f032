from mickb.entry import main

main()
